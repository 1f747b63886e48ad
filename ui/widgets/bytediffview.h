// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QTextEdit>

#include <optional>

namespace Apinator::Ui {

// Two byte strings one above the other (what should have been signed, and what was), each
// byte as text: printable ASCII as itself, newline, CR, tab, other control bytes and every
// non-ASCII byte as an escape (\n, \r, \t, \xC3) in its own colour, so nothing invisible
// hides. The bytes between the common prefix and the common suffix are highlighted.
class ByteDiffView final : public QTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ByteDiffView)
public:
    explicit ByteDiffView(QWidget *parent = nullptr);

    // other nullopt: only the first row, with a note that no second string is known.
    void setBytes(const QByteArray &expected, const std::optional<QByteArray> &other,
                  const QString &expectedLabel, const QString &otherLabel, const QString &missingNote = {});
    void clearBytes();

    // Bytes escaped the way the view shows them, for tests and the accessible description.
    static QString escaped(QByteArrayView bytes);
    // The differing range of each string: [prefix, size - suffix). Empty when equal.
    struct Difference
    {
        qsizetype prefix = 0;
        qsizetype expectedEnd = 0;
        qsizetype otherEnd = 0;
    };
    static Difference difference(QByteArrayView expected, QByteArrayView other);
    // How many bytes are highlighted in each row (0 and 0 when they are equal).
    qsizetype highlightedExpected() const { return m_highlighted.first; }
    qsizetype highlightedOther() const { return m_highlighted.second; }

private:
    QString row(const QString &label, QByteArrayView bytes, qsizetype from, qsizetype to) const;
    std::pair<qsizetype, qsizetype> m_highlighted{0, 0};
};

} // namespace Apinator::Ui
