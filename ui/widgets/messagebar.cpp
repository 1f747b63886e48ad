// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "messagebar.h"

#include "icons.h"
#include "selectablelabel.h"
#include "textlabel.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

QColor accent(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Success:
        return QColor(0x1a, 0x9a, 0x4b);
    case MessageBar::Kind::Warning:
        return QColor(0xe0, 0xa1, 0x00);
    case MessageBar::Kind::Error:
        return QColor(0xd1, 0x34, 0x38);
    case MessageBar::Kind::Info:
        break;
    }
    return QColor(0x3b, 0x5b, 0xdb);
}

QString iconName(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Success:
        return u"ok"_s;
    case MessageBar::Kind::Warning:
        return u"warning"_s;
    case MessageBar::Kind::Error:
        return u"error"_s;
    case MessageBar::Kind::Info:
        break;
    }
    return u"info"_s;
}

// A tint of the window colour, so the bar reads in light and dark palettes alike.
QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    hide();
}

// The contents are made with the first message: most bars (the keyring's, a page's) are
// never shown in a session, and each one's labels and button cost the first frame.
void MessageBar::ensureBuilt()
{
    if (m_text)
        return;
    m_icon = new QLabel(this);
    m_text = new WrappingLabel(this);
    m_actions = new QHBoxLayout;
    m_close = new QToolButton(this);
    makeSelectableByMouse(m_text);
    m_text->setTextFormat(Qt::PlainText);
    m_close->setIcon(icon(u"close"_s));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close message"));
    m_close->setVisible(m_closable);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_actions);
    layout->addWidget(m_close, 0, Qt::AlignTop);
}

void MessageBar::showMessage(Kind kind, const QString &text)
{
    ensureBuilt();
    m_kind = kind;
    m_text->setText(text);
    setAccessibleName(text);
    while (QLayoutItem *item = m_actions->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(icon(iconName(kind)).pixmap(QSize(side, side), devicePixelRatioF()));
    applyColours();
    show();
}

QPushButton *MessageBar::addAction(const QString &text, const QString &accessibleName)
{
    ensureBuilt();
    auto *button = new QPushButton(text, this);
    button->setAccessibleName(accessibleName.isEmpty() ? QString(text).remove(u'&') : accessibleName);
    m_actions->addWidget(button, 0, Qt::AlignVCenter);
    return button;
}

void MessageBar::setClosable(bool closable)
{
    m_closable = closable;
    if (m_close)
        m_close->setVisible(closable);
}

QString MessageBar::text() const
{
    return m_text ? m_text->text() : QString();
}

void MessageBar::changeEvent(QEvent *event)
{
    // Re-tint when the system switches between light and dark.
    if (event->type() == QEvent::ApplicationPaletteChange && !m_applying && m_text)
        applyColours();
    QFrame::changeEvent(event);
}

void MessageBar::applyColours()
{
    m_applying = true;
    QPalette p = QApplication::palette(this);
    const QColor base = p.color(QPalette::Window);
    p.setColor(QPalette::Window, mix(base, accent(m_kind), 0.16));
    setPalette(p);
    m_applying = false;
}

} // namespace Apinator::Ui
