// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "trigger/responseview.h"

#include "widgets/jsontext.h"
#include "widgets/selectablelabel.h"
#include "widgets/timingwaterfall.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

// Beyond this the body is shown as received: pretty-printing megabytes is no help.
constexpr qsizetype MaxPrettyBody = 1 << 20;
// A skew this large is past what servers usually accept (300 s) or close to it.
constexpr qint64 SuspiciousSkewSeconds = 60;

QString meaning(int status)
{
    if (status >= 200 && status < 300)
        return ResponseView::tr("accepted: the event was published");
    switch (status) {
    case 400:
        return ResponseView::tr("the request is malformed");
    case 401:
        return ResponseView::tr("the signature was not accepted");
    case 403:
        return ResponseView::tr("this key may not do that");
    case 404:
        return ResponseView::tr("no such app or path");
    case 413:
        return ResponseView::tr("the body is too large");
    case 422:
        return ResponseView::tr("the event was refused by validation");
    case 429:
        return ResponseView::tr("too many requests: slow down");
    default:
        break;
    }
    return status >= 500 ? ResponseView::tr("the server failed") : ResponseView::tr("an error");
}

QString seconds(qint64 s)
{
    return ResponseView::tr("%n second(s)", nullptr, int(qAbs(s)));
}

} // namespace

QStringList unauthorizedCauses(const RestResult &result, const QString &profileName)
{
    QStringList causes;
    const std::optional<qint64> skew = result.clockSkewSeconds;
    const QString skewCause = skew
        ? ResponseView::tr("Clock skew: the server's Date header is %1 %2 the timestamp sent (%3). Servers accept "
                           "a few minutes either way; set this computer's clock (NTP).")
              .arg(seconds(*skew), *skew >= 0 ? ResponseView::tr("after") : ResponseView::tr("before"),
                   QString::fromLatin1(result.signature.timestamp))
        : ResponseView::tr("Clock skew: the server sent no Date header to compare with; check this computer's clock.");
    QByteArray key;
    for (const auto &[name, value] : result.request.headers) {
        if (name == "X-Realtime-Key")
            key = value;
    }
    const QString secretCause =
        ResponseView::tr("Wrong secret for this key: the secret stored in profile \"%1\" is not the one the server has "
                         "for key %2. Copy the secret again from the dashboard.")
            .arg(profileName, QString::fromUtf8(key));
    const QString bodyCause = ResponseView::tr(
        "Body changed after signing: a proxy or middleware re-encoded the body, so its MD5 (%1) no longer matches.")
                                  .arg(QString::fromLatin1(result.signature.bodyMd5));
    if (skew && qAbs(*skew) >= SuspiciousSkewSeconds)
        causes << skewCause << secretCause << bodyCause;
    else
        causes << secretCause << skewCause << bodyCause;
    return causes;
}

ResponseView::ResponseView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_causesLabel(new QLabel(this))
    , m_waterfall(new TimingWaterfall(this))
    , m_headers(new QPlainTextEdit(this))
    , m_body(new QPlainTextEdit(this))
{
    m_status->setObjectName(u"responseStatus"_s);
    m_problem->setObjectName(u"responseProblem"_s);
    m_causesLabel->setObjectName(u"responseCauses"_s);
    m_waterfall->setObjectName(u"responseTimings"_s);
    m_waterfall->setAccessibleName(tr("Timing"));
    m_headers->setObjectName(u"responseHeaders"_s);
    m_headers->setAccessibleName(tr("Response headers"));
    m_body->setObjectName(u"responseBody"_s);
    m_body->setAccessibleName(tr("Response body"));
    for (QLabel *label : {m_status, m_problem, m_causesLabel}) {
        label->setWordWrap(true);
        makeSelectableByMouse(label);
    }
    QFont bold = m_status->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_status->setFont(bold);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit : {m_headers, m_body}) {
        edit->setReadOnly(true);
        edit->setFont(mono);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    // The explanation scrolls on its own; headers and body share the rest.
    auto *summary = new QWidget(this);
    auto *top = new QVBoxLayout(summary);
    top->addWidget(m_status);
    top->addWidget(m_problem);
    top->addWidget(m_causesLabel);
    top->addWidget(m_waterfall);
    top->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"responseSummary"_s);
    scroll->setWidget(summary);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(scroll);
    split->addWidget(m_headers);
    split->addWidget(m_body);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split, 1);
    clear();
}

void ResponseView::clear()
{
    m_status->setText(tr("Nothing sent yet. Compose an event and press Send (Ctrl+Enter)."));
    m_problem->clear();
    m_problem->hide();
    m_causesLabel->clear();
    m_causesLabel->hide();
    m_causes.clear();
    m_waterfall->clear();
    m_headers->clear();
    m_body->clear();
}

void ResponseView::showSending(const QString &what)
{
    clear();
    m_status->setText(what);
}

QString ResponseView::statusText() const
{
    return m_status->text();
}

QString ResponseView::problemText() const
{
    return m_problem->text();
}

void ResponseView::showResult(const RestResult &result, const QString &profileName)
{
    clear();
    const HttpResponse &r = result.response;
    if (r.cancelled) {
        m_status->setText(tr("Cancelled: the request was stopped before an answer came."));
    } else if (r.status == 0) {
        m_status->setText(tr("No answer: %1").arg(result.errorMessage));
    } else {
        const QString reason = r.reasonPhrase.isEmpty() ? reasonPhrase(r.status) : QString::fromLatin1(r.reasonPhrase);
        m_status->setText(tr("%1 %2 · %3 · %4 ms").arg(QString::number(r.status), reason, meaning(r.status),
                                                      QLocale().toString(result.elapsedMs, 'f', 1)));
    }
    m_status->setStyleSheet(result.ok() ? u"color: #2e7d32;"_s : u"color: #c62828;"_s);
    m_status->setAccessibleName(m_status->text());
    if (result.problem) {
        const Problem &p = *result.problem;
        QString text = p.title.isEmpty() ? reasonPhrase(r.status) : p.title;
        if (!p.detail.isEmpty())
            text += u": "_s + p.detail;
        if (!p.code.isEmpty())
            text += tr(" (code %1)").arg(p.code);
        m_problem->setText(text);
        m_problem->show();
    }
    if (r.status == 401) {
        m_causes = unauthorizedCauses(result, profileName);
        QString html = u"<b>"_s + tr("Likely causes, most likely first:") + u"</b><ol style=\"margin:0\">"_s;
        for (const QString &c : std::as_const(m_causes))
            html += u"<li>"_s + c.toHtmlEscaped() + u"</li>"_s;
        m_causesLabel->setText(html + u"</ol>"_s);
        m_causesLabel->setAccessibleName(m_causes.join(u'\n'));
        m_causesLabel->show();
    }
    if (r.status != 0 || r.timings.total > 0)
        m_waterfall->setTimings(r.timings);
    QString headers = QString::fromLatin1(r.httpVersion) + u' ' + QString::number(r.status) + u' '
        + QString::fromLatin1(r.reasonPhrase) + u'\n';
    for (const auto &[name, value] : r.headers)
        headers += QString::fromLatin1(name) + u": "_s + QString::fromUtf8(value) + u'\n';
    m_headers->setPlainText(r.status ? headers : QString());
    QByteArray body = r.body;
    if (body.size() <= MaxPrettyBody && !body.trimmed().isEmpty() && JsonText::check(body).valid)
        body = JsonText::format(body);
    m_body->setPlainText(body.isEmpty() && r.status ? tr("(empty body)") : QString::fromUtf8(body));
}

} // namespace Apinator::Ui
