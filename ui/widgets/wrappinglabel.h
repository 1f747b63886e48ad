// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

#include <array>

namespace Apinator::Ui {

// A word-wrapped QLabel that remembers its last heights for a width.
//
// QLabel::heightForWidth lays the text out again on every call, shaping every word, and a
// layout asks it over and over for the same few widths: on the Profiles page one note was
// laid out 23 times before the first frame. The answers are kept with what they depend on
// (text, font, margins, indent, frame, wrapping, alignment, format) and thrown away when
// any of it changes, so setText through a QLabel pointer needs no care.
class WrappingLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WrappingLabel)
public:
    explicit WrappingLabel(QWidget *parent = nullptr)
        : WrappingLabel(QString(), parent)
    {
    }
    explicit WrappingLabel(const QString &text, QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Inputs
    {
        QString text;
        QFont font;
        QMargins contents;
        int margin = 0;
        int indent = 0;
        int frameWidth = 0;
        bool wordWrap = true;
        Qt::Alignment alignment;
        Qt::TextFormat format = Qt::AutoText;
        bool operator==(const Inputs &other) const = default;
    };
    Inputs currentInputs() const;

    static constexpr int Remembered = 8;
    struct Answer
    {
        int width = -1;
        int height = 0;
    };
    mutable Inputs m_inputs;
    mutable std::array<Answer, Remembered> m_answers{};
    mutable int m_next = 0;
};

} // namespace Apinator::Ui
