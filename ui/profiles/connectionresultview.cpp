// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "connectionresultview.h"

#include "widgets/icons.h"
#include "widgets/selectablelabel.h"
#include "widgets/textlabel.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

// One decimal where it matters (a local sandbox answers in a few ms), none beyond.
QString formatMs(double ms)
{
    return ms < 10 ? QLocale().toString(ms, 'f', 1) + u" ms"_s : QLocale().toString(qRound64(ms)) + u" ms"_s;
}

QString formatSkew(qint64 seconds)
{
    if (seconds == 0)
        return QObject::tr("Clock skew: none (the server's Date matches this machine's clock).");
    const QString amount = QObject::tr("%1 s").arg(qAbs(seconds));
    return seconds > 0 ? QObject::tr("Clock skew: the server's clock is %1 ahead of this machine's.").arg(amount)
                       : QObject::tr("Clock skew: the server's clock is %1 behind this machine's.").arg(amount);
}

} // namespace

ConnectionResultView::ConnectionResultView(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_headline(new WrappingLabel(this))
    , m_details(new WrappingLabel(this))
    , m_skew(new WrappingLabel(this))
{
    m_headline->setObjectName(u"connectionHeadline"_s);
    m_details->setObjectName(u"connectionDetails"_s);
    m_skew->setObjectName(u"connectionSkew"_s);
    for (QLabel *label : {m_headline, m_details, m_skew}) {
        label->setTextFormat(Qt::PlainText);
        makeSelectableByMouse(label);
    }
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon, 0, 0, Qt::AlignTop);
    layout->addWidget(m_headline, 0, 1);
    layout->addWidget(m_details, 1, 1);
    layout->addWidget(m_skew, 2, 1);
    layout->setColumnStretch(1, 1);
    clear();
}

void ConnectionResultView::setIcon(const QString &name)
{
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(name.isEmpty() ? QPixmap() : icon(name).pixmap(QSize(side, side), devicePixelRatioF()));
}

void ConnectionResultView::clear()
{
    m_state = State::Idle;
    setIcon(u"info"_s);
    m_headline->setText(tr("Not tested yet"));
    // What the test proves is the button's tooltip: two wrapped lines here cost the first
    // frame 3.5 M instructions (4.5 % of its start).
    setDetails(QString());
    m_skew->hide();
    setAccessibleName(m_headline->text());
}

void ConnectionResultView::showRunning(const QString &url)
{
    m_state = State::Running;
    setIcon(u"connection"_s);
    m_headline->setText(tr("Testing…"));
    setDetails(url);
    m_skew->hide();
    setAccessibleName(m_headline->text());
}

void ConnectionResultView::showReport(const ConnectionReport &report)
{
    m_state = report.ok ? State::Succeeded : State::Failed;
    m_skewWarning = report.skewWarning();
    setIcon(report.ok ? u"ok"_s : u"error"_s);
    QStringList facts;
    if (report.status > 0)
        facts << tr("HTTP %1 %2").arg(report.status).arg(report.reason).trimmed();
    if (report.latencyMs > 0)
        facts << formatMs(report.latencyMs);
    if (report.ok) {
        m_headline->setText(tr("Connected"));
        if (report.channelCount >= 0)
            facts << (report.channelCount == 1 ? tr("1 occupied channel")
                                               : tr("%1 occupied channels").arg(report.channelCount));
        setDetails(facts.join(u" · "_s));
    } else {
        // An HTTP status means the server was reached: the fault is in the credentials or the app.
        m_headline->setText(report.status > 0 ? tr("The server refused the request")
                                              : tr("No answer from the server"));
        QString text = facts.join(u" · "_s);
        if (!report.error.isEmpty())
            text += (text.isEmpty() ? QString() : u"\n"_s) + report.error;
        if (!report.url.isEmpty())
            text += u'\n' + report.url;
        setDetails(text);
    }
    if (report.clockSkewSeconds) {
        QString text = formatSkew(*report.clockSkewSeconds);
        if (report.skewWarning())
            text += u' ' + tr("Past %1 s signed requests start to fail: their timestamps expire. "
                              "Set this machine's clock (NTP).")
                               .arg(ConnectionReport::SkewWarningSeconds);
        m_skew->setText(text);
        // Amber like the staging chip: a warning, not a failure.
        QPalette p = palette();
        if (report.skewWarning())
            p.setColor(QPalette::WindowText, QColor(0xb8, 0x6b, 0x00));
        m_skew->setPalette(p);
        m_skew->show();
    } else {
        m_skew->hide();
    }
    setAccessibleName(m_headline->text() + u". "_s + m_details->text());
}

void ConnectionResultView::setDetails(const QString &text)
{
    m_details->setText(text);
    m_details->setVisible(!text.isEmpty());
}

QString ConnectionResultView::headline() const
{
    return m_headline->text();
}

QString ConnectionResultView::details() const
{
    return m_details->text();
}

QString ConnectionResultView::skewText() const
{
    return m_skew->isHidden() ? QString() : m_skew->text();
}

bool ConnectionResultView::skewWarningShown() const
{
    return !m_skew->isHidden() && m_skewWarning;
}

} // namespace Apinator::Ui
