// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "wrappinglabel.h"

#include <QEvent>

namespace Apinator::Ui {

WrappingLabel::WrappingLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    setWordWrap(true);
}

WrappingLabel::Inputs WrappingLabel::currentInputs() const
{
    return Inputs{text(), font(), contentsMargins(), margin(), indent(), frameWidth(), wordWrap(), alignment(), textFormat()};
}

int WrappingLabel::heightForWidth(int width) const
{
    Inputs inputs = currentInputs();
    if (!(inputs == m_inputs)) {
        m_inputs = std::move(inputs);
        m_answers.fill(Answer{});
    }
    for (const Answer &answer : m_answers) {
        if (answer.width == width)
            return answer.height;
    }
    const int height = QLabel::heightForWidth(width);
    m_answers[size_t(m_next)] = Answer{width, height};
    m_next = (m_next + 1) % Remembered;
    return height;
}

void WrappingLabel::changeEvent(QEvent *event)
{
    // A new style can change the metrics without changing the font's description.
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::FontChange)
        m_answers.fill(Answer{});
    QLabel::changeEvent(event);
}

} // namespace Apinator::Ui
