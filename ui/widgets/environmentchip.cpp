// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "environmentchip.h"

#include <QEvent>
#include <QIconEngine>
#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

class DotIconEngine final : public QIconEngine
{
public:
    explicit DotIconEngine(QColor color)
        : m_color(color)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal side = qMin(rect.width(), rect.height()) * 0.62;
        const QRectF dot(rect.center().x() + 0.5 - side / 2, rect.center().y() + 0.5 - side / 2, side, side);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(m_color.darker(130), 1));
        QColor fill = m_color;
        if (mode == QIcon::Disabled)
            fill.setAlphaF(0.4f);
        painter->setBrush(fill);
        painter->drawEllipse(dot);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return render(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
        // Before 6.8 QIcon::pixmap() passes the size in device pixels already.
        return render(size, mode, state, scale);
#else
        return render(size * scale, mode, state, scale);
#endif
    }

    QIconEngine *clone() const override { return new DotIconEngine(m_color); }
    QString key() const override { return u"apinator-dot"_s; }

private:
    QPixmap render(const QSize &deviceSize, QIcon::Mode mode, QIcon::State state, qreal scale)
    {
        QPixmap pixmap(deviceSize);
        pixmap.fill(Qt::transparent);
        {
            QPainter painter(&pixmap);
            paint(&painter, QRect(QPoint(0, 0), deviceSize), mode, state);
        }
        pixmap.setDevicePixelRatio(scale);
        return pixmap;
    }

    QColor m_color;
};

} // namespace

QColor environmentColor(Environment environment)
{
    switch (environment) {
    case Environment::Sandbox:
        return QColor(0x0f, 0x9d, 0x8a); // teal
    case Environment::Development:
        return QColor(0x3b, 0x6e, 0xe0); // blue
    case Environment::Staging:
        return QColor(0xb8, 0x6b, 0x00); // amber, dark enough for white text
    case Environment::Production:
        return QColor(0xd1, 0x34, 0x38); // red
    }
    return QColor(Qt::gray);
}

QIcon environmentIcon(Environment environment)
{
    return QIcon(new DotIconEngine(environmentColor(environment)));
}

EnvironmentChip::EnvironmentChip(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setEnvironment(Environment::Development);
}

void EnvironmentChip::setEnvironment(Environment environment)
{
    m_environment = environment;
    m_sizeHint = QSize();
    setAccessibleName(tr("Environment: %1").arg(environmentTitle(environment)));
    updateGeometry();
    update();
}

QSize EnvironmentChip::sizeHint() const
{
    if (m_sizeHint.isValid())
        return m_sizeHint;
    const QFontMetrics metrics = fontMetrics();
    m_sizeHint = {metrics.horizontalAdvance(environmentTitle(m_environment)) + metrics.height(), metrics.height() + 6};
    return m_sizeHint;
}

void EnvironmentChip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        m_sizeHint = QSize();
        updateGeometry();
    }
    QWidget::changeEvent(event);
}

void EnvironmentChip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(Qt::NoPen);
    painter.setBrush(environmentColor(m_environment));
    painter.drawRoundedRect(r, r.height() / 2, r.height() / 2);
    // White reads on all four colours in both themes.
    painter.setPen(Qt::white);
    painter.drawText(r, Qt::AlignCenter, environmentTitle(m_environment));
}

} // namespace Apinator::Ui
