// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "widgets/selectablelabel.h"

#include <QEvent>
#include <QLabel>

namespace Apinator::Ui {

namespace {

class SelectOnEnter final : public QObject
{
public:
    explicit SelectOnEnter(QLabel *label)
        : QObject(label)
    {
        label->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Enter) {
            auto *label = static_cast<QLabel *>(watched);
            label->removeEventFilter(this);
            label->setTextInteractionFlags(label->textInteractionFlags() | Qt::TextSelectableByMouse);
            deleteLater();
        }
        return false;
    }
};

} // namespace

void makeSelectableByMouse(QLabel *label)
{
    if (label->underMouse())
        label->setTextInteractionFlags(label->textInteractionFlags() | Qt::TextSelectableByMouse);
    else
        new SelectOnEnter(label);
}

} // namespace Apinator::Ui
