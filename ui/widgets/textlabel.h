// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

#include <array>

namespace Apinator::Ui {

// A QLabel of plain text that lays its text out only when the answer depends on it.
//
// QLabel lays its text out again, shaping every word, for each size it is asked: three
// layouts for its size hints (five when it wraps), and one for each heightForWidth, which a
// layout asks over and over. Before the Profiles page's first frame that was 82 layouts of
// 25 labels. TextLabel measures the text once as it stands, one line per paragraph, and
// answers from that whenever the width asked leaves room for it; narrower widths of a
// wrapping label are laid out by QFontMetrics as QLabel does, and the last few are kept.
//
// The answers are QLabel's to the pixel (tst_textlabel holds them against a QLabel set up the
// same way, width by width), and they are kept with everything they depend on (text, font,
// margins, indent, frame, wrapping, alignment, format, minimum and maximum size), so QLabel's
// setters need no care. Rich text, a possible mnemonic ('&'), selectable text and
// right-to-left text are measured by QLabel itself.
class TextLabel : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextLabel)
public:
    explicit TextLabel(QWidget *parent = nullptr)
        : TextLabel(QString(), parent)
    {
    }
    explicit TextLabel(const QString &text, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Inputs
    {
        QString text;
        QFont font;
        QMargins contents;
        QSize minimum;
        int maximumWidth = 0;
        int margin = 0;
        int indent = 0;
        int frameWidth = 0;
        bool wordWrap = false;
        Qt::Alignment alignment;
        Qt::TextFormat format = Qt::AutoText;
        Qt::TextInteractionFlags interaction;
        bool operator==(const Inputs &other) const = default;
    };
    // Drops what was measured when anything it depends on changed; then whether this class
    // measures (plain text), or QLabel.
    bool measuresItself() const;
    void forget() const;
    // Polishes, then measures both hints when this class measures; false when QLabel does.
    bool ensureHints() const;
    // QLabelPrivate::sizeForWidth (Qt 6.4) for plain text; width < 0: the preferred size.
    QSize sizeForWidth(int width) const;
    // QFontMetrics::boundingRect(0, 0, lineWidth, 2000, flags, text).size(), as QLabel asks it.
    QSize textSize(int lineWidth) const;

    // The last answers that took a layout. Keyed by line width for the text this class
    // measures, by the label's width for QLabel's: which one does not change without a
    // change of inputs, which forgets them all.
    const QSize *kept(int key) const;
    void keep(int key, QSize size) const;

    static constexpr int Remembered = 8;
    struct Answer
    {
        bool used = false;
        int key = 0;
        QSize size;
    };
    mutable Inputs m_inputs;
    mutable bool m_plain = false;
    mutable QSize m_unwrapped; // the text one line per paragraph; invalid until measured
    mutable QSize m_sizeHint;  // both hints; invalid until asked
    mutable QSize m_minimumSizeHint;
    mutable std::array<Answer, Remembered> m_answers{};
    mutable int m_next = 0;
};

// A TextLabel that wraps its words.
class WrappingLabel final : public TextLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WrappingLabel)
public:
    explicit WrappingLabel(QWidget *parent = nullptr)
        : WrappingLabel(QString(), parent)
    {
    }
    explicit WrappingLabel(const QString &text, QWidget *parent = nullptr)
        : TextLabel(text, parent)
    {
        setWordWrap(true);
    }
};

} // namespace Apinator::Ui
