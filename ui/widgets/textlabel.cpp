// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "textlabel.h"

#include <QEvent>
#include <QFontMetrics>
#include <QStyle>
#include <QTextDocument>

namespace Apinator::Ui {

TextLabel::TextLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
}

void TextLabel::forget() const
{
    m_unwrapped = QSize();
    m_sizeHint = QSize();
    m_minimumSizeHint = QSize();
    m_answers.fill(Answer{});
}

bool TextLabel::measuresItself() const
{
    Inputs inputs{text(),     font(),       contentsMargins(), minimumSize(), maximumWidth(),
                  margin(),   indent(),     frameWidth(),      wordWrap(),    alignment(),
                  textFormat(), textInteractionFlags()};
    if (inputs == m_inputs)
        return m_plain;
    m_inputs = std::move(inputs);
    forget();
    const Inputs &in = m_inputs;
    // QLabel lays out rich and selectable text through a text document, and a '&' may be a
    // mnemonic: those are QLabel's to measure. An empty label may hold a picture.
    m_plain = !in.text.isEmpty() && in.format != Qt::RichText && in.format != Qt::MarkdownText
              && !(in.format == Qt::AutoText && Qt::mightBeRichText(in.text))
              && !(in.interaction & (Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard))
              && !in.text.contains(u'&') && !in.text.isRightToLeft();
    return m_plain;
}

QSize TextLabel::textSize(int lineWidth) const
{
    const QFontMetrics metrics = fontMetrics();
    // QLabel keeps Qt::TextExpandTabs among its alignment flags (QLabelPrivate::init).
    const int flags = int(QStyle::visualAlignment(Qt::LeftToRight, m_inputs.alignment)
                          & ~(Qt::AlignVCenter | Qt::AlignHCenter))
                      | Qt::TextExpandTabs;
    // Without wrapping the width does not change the layout: the text as it stands.
    if (!m_unwrapped.isValid())
        m_unwrapped = metrics.boundingRect(0, 0, 2000, 2000, flags, m_inputs.text).size();
    if (!m_inputs.wordWrap)
        return m_unwrapped;
    // Wrapping breaks a line only where the next word would reach past the width (with the
    // overhang of its last glyph): with a widest glyph to spare, the text stands as it is.
    if (lineWidth >= m_unwrapped.width() + metrics.maxWidth())
        return m_unwrapped;
    if (const QSize *size = kept(lineWidth))
        return *size;
    const QSize size = metrics.boundingRect(0, 0, lineWidth, 2000, flags | Qt::TextWordWrap, m_inputs.text).size();
    keep(lineWidth, size);
    return size;
}

const QSize *TextLabel::kept(int key) const
{
    for (const Answer &answer : m_answers) {
        if (answer.used && answer.key == key)
            return &answer.size;
    }
    return nullptr;
}

void TextLabel::keep(int key, QSize size) const
{
    m_answers[size_t(m_next)] = Answer{true, key, size};
    m_next = (m_next + 1) % Remembered;
}

QSize TextLabel::sizeForWidth(int width) const
{
    const Inputs &in = m_inputs;
    if (in.minimum.width() > 0)
        width = qMax(width, in.minimum.width());
    const QFontMetrics metrics = fontMetrics();
    const Qt::Alignment align = QStyle::visualAlignment(Qt::LeftToRight, in.alignment);
    int hextra = 2 * in.margin;
    int vextra = hextra;
    int indentation = in.indent;
    if (indentation < 0 && in.frameWidth) // no indent, but a frame
        indentation = metrics.horizontalAdvance(u'x') - in.margin * 2;
    if (indentation > 0) {
        if (align & (Qt::AlignLeft | Qt::AlignRight))
            hextra += indentation;
        if (align & (Qt::AlignTop | Qt::AlignBottom))
            vextra += indentation;
    }
    const QSize contentsMargin(in.contents.left() + in.contents.right(), in.contents.top() + in.contents.bottom());

    const bool tryWidth = width < 0 && in.wordWrap;
    if (tryWidth)
        width = qMin(metrics.averageCharWidth() * 80, in.maximumWidth);
    else if (width < 0)
        width = 2000;
    width -= hextra + contentsMargin.width();
    QSize text = textSize(width);
    if (tryWidth && text.height() < 4 * metrics.lineSpacing() && text.width() > width / 2)
        text = textSize(width / 2);
    if (tryWidth && text.height() < 2 * metrics.lineSpacing() && text.width() > width / 4)
        text = textSize(width / 4);
    return (QSize(text.width() + hextra, text.height() + vextra) + contentsMargin).expandedTo(in.minimum);
}

bool TextLabel::ensureHints() const
{
    ensurePolished();
    if (!measuresItself())
        return false;
    if (!m_sizeHint.isValid()) {
        // QLabel::minimumSizeHint's three sizes.
        m_sizeHint = sizeForWidth(-1);
        m_minimumSizeHint = QSize(sizeForWidth(0).width(),
                                  qMin(sizeForWidth(QWIDGETSIZE_MAX).height(), m_sizeHint.height()));
    }
    return true;
}

QSize TextLabel::minimumSizeHint() const
{
    return ensureHints() ? m_minimumSizeHint : QLabel::minimumSizeHint();
}

QSize TextLabel::sizeHint() const
{
    return ensureHints() ? m_sizeHint : QLabel::sizeHint();
}

int TextLabel::heightForWidth(int width) const
{
    if (measuresItself())
        return sizeForWidth(width).height();
    // QLabel's own answer (rich or selectable text, through its text document), kept too:
    // a wrapping note made selectable is still asked for the same few widths.
    if (const QSize *size = kept(width))
        return size->height();
    const int height = QLabel::heightForWidth(width);
    keep(width, QSize(0, height));
    return height;
}

void TextLabel::changeEvent(QEvent *event)
{
    // A new style or screen can change the metrics without changing the font's description.
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::FontChange)
        forget();
    QLabel::changeEvent(event);
}

} // namespace Apinator::Ui
