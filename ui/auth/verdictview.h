// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/authinspect.h>

#include <QWidget>

class QLabel;
class QTextEdit;

namespace Apinator::Ui {

class ByteDiffView;

// A verdict on an auth answer: valid or not, each cause in plain words with its code, the
// expected and provided values side by side, and the strings to sign byte by byte.
class VerdictView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerdictView)
public:
    // prefix names the children ("inspect" gives inspectVerdict, inspectCauses, ...).
    explicit VerdictView(const QString &prefix, QWidget *parent = nullptr);

    // leading: causes found before the inspection (the endpoint's HTTP problems).
    void setInspection(const AuthInspection &inspection, const CauseList &leading = {}, bool inspected = true);
    void showMessage(const QString &message);

    QString verdictText() const;
    QStringList causeCodes() const { return m_codes; }
    ByteDiffView *bytes() const { return m_bytes; }

private:
    QLabel *m_verdict;
    QLabel *m_causes;
    QTextEdit *m_values;
    ByteDiffView *m_bytes;
    QStringList m_codes;
};

} // namespace Apinator::Ui
