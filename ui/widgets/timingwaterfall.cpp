// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "widgets/timingwaterfall.h"

#include <QLocale>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

constexpr int RowHeight = 18;

QColor phaseColour(int index)
{
    static const QColor colours[] = {QColor(0x00, 0x96, 0x88), QColor(0xff, 0x98, 0x00), QColor(0x9c, 0x27, 0xb0),
                                     QColor(0x4c, 0xaf, 0x50), QColor(0x21, 0x96, 0xf3)};
    return colours[index % 5];
}

QString ms(double value)
{
    return QLocale().toString(value, 'f', value < 10 ? 2 : 1) + u" ms"_s;
}

} // namespace

TimingWaterfall::TimingWaterfall(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void TimingWaterfall::clear()
{
    m_phases.clear();
    m_total = 0;
    setAccessibleDescription({});
    updateGeometry();
    update();
}

void TimingWaterfall::setTimings(const HttpTimings &t)
{
    m_phases.clear();
    double last = 0;
    // libcurl's times are cumulative from the start; each bar runs from the previous end.
    auto add = [&](const QString &name, double end) {
        if (end < 0)
            return;
        m_phases << Phase{name, last, qMax(end, last)};
        last = qMax(end, last);
    };
    add(tr("Name lookup"), t.dns > 0 ? t.dns : -1);
    add(tr("Connect"), t.connect > 0 && t.connect > t.dns ? t.connect : -1);
    add(tr("TLS"), t.tls > 0 && t.tls > t.connect ? t.tls : -1);
    add(tr("First byte"), t.firstByte);
    add(tr("Download"), t.total);
    m_total = qMax(t.total, last);
    QStringList description;
    for (const Phase &p : std::as_const(m_phases))
        description << p.name + u' ' + ms(p.end - p.start);
    description << tr("Total %1").arg(ms(m_total));
    setAccessibleDescription(description.join(u", "_s));
    setToolTip(description.join(u'\n'));
    updateGeometry();
    update();
}

QSize TimingWaterfall::sizeHint() const
{
    return {360, (int(m_phases.size()) + 1) * RowHeight + 4};
}

QSize TimingWaterfall::minimumSizeHint() const
{
    return {200, sizeHint().height()};
}

void TimingWaterfall::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int labelWidth = fm.horizontalAdvance(tr("Name lookup")) + 12;
    const int valueWidth = fm.horizontalAdvance(u"0,000.0 ms"_s) + 8;
    const int barLeft = labelWidth;
    const int barWidth = qMax(20, width() - labelWidth - valueWidth);
    const double scale = m_total > 0 ? barWidth / m_total : 0;
    int y = 2;
    for (int i = 0; i < m_phases.size(); ++i) {
        const Phase &p = m_phases.at(i);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRect(0, y, labelWidth - 6, RowHeight), Qt::AlignRight | Qt::AlignVCenter, p.name);
        const qreal x = barLeft + p.start * scale;
        const qreal w = qMax(2.0, (p.end - p.start) * scale);
        painter.setPen(Qt::NoPen);
        painter.setBrush(phaseColour(i));
        painter.drawRoundedRect(QRectF(x, y + 4, w, RowHeight - 8), 2, 2);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QRect(barLeft + barWidth + 4, y, valueWidth, RowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         ms(p.end - p.start));
        y += RowHeight;
    }
    if (!m_phases.isEmpty()) {
        painter.setPen(palette().color(QPalette::Text));
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.drawText(QRect(0, y, labelWidth - 6, RowHeight), Qt::AlignRight | Qt::AlignVCenter, tr("Total"));
        painter.drawText(QRect(barLeft + barWidth + 4, y, valueWidth, RowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         ms(m_total));
        painter.setPen(QPen(palette().color(QPalette::Mid), 1));
        painter.drawLine(barLeft, y + RowHeight / 2, barLeft + barWidth, y + RowHeight / 2);
    }
}

} // namespace Apinator::Ui
