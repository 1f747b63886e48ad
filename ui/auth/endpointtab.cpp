// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "auth/endpointtab.h"

#include "auth/fielderror.h"
#include "auth/verdictview.h"
#include "session/authendpointsettings.h"
#include "widgets/icons.h"
#include "widgets/selectablelabel.h"
#include "widgets/widgethelpers.h"

#include <apinator/rawhttp.h>

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

QString headerText(const HeaderList &headers)
{
    QString out;
    for (const auto &[name, value] : headers)
        out += QString::fromUtf8(name) + u": "_s + QString::fromUtf8(value) + u'\n';
    return out;
}

} // namespace

EndpointTab::EndpointTab(HttpClient *http, QWidget *parent)
    : QWidget(parent)
    , m_http(http)
    , m_url(makeLineEdit(u"endpointUrl"_s, tr("Auth endpoint URL"), u"http://localhost:3000/pusher/auth"_s, this))
    , m_format(new QComboBox(this))
    , m_headers(monoTextEdit(u"endpointHeaders"_s, tr("Extra headers"), false, this))
    , m_headersError(makeFieldError(u"endpointHeadersError"_s, this))
    , m_socketId(makeLineEdit(u"endpointSocketId"_s, tr("Socket id"), u"1234.5678"_s, this))
    , m_newSocketId(new QPushButton(tr("New"), this))
    , m_channel(makeLineEdit(u"endpointChannel"_s, tr("Channel name"), u"private-orders"_s, this))
    , m_inputError(makeFieldError(u"endpointInputError"_s, this))
    , m_send(new QPushButton(icon(u"trigger"_s), tr("Send"), this))
    , m_request(monoTextEdit(u"endpointRequest"_s, tr("Request sent"), true, this))
    , m_status(new QLabel(this))
    , m_response(monoTextEdit(u"endpointResponse"_s, tr("Answer received"), true, this))
    , m_toInspect(new QPushButton(tr("Open in Inspect"), this))
    , m_verdict(new VerdictView(u"endpoint"_s, this))
{
    m_format->setObjectName(u"endpointFormat"_s);
    m_format->setAccessibleName(tr("Body format"));
    m_format->addItem(tr("JSON, as the JS client sends it"), int(AuthEndpointRequest::Format::Json));
    m_format->addItem(tr("Form-encoded, as older examples read it"), int(AuthEndpointRequest::Format::Form));
    m_headers->setPlaceholderText(tr("One per line: Cookie: session=...  or  Authorization: Bearer ..."));
    m_headers->setFixedHeight(m_headers->fontMetrics().lineSpacing() * 2 + 12);
    m_socketId->setText(QString::fromUtf8(syntheticSocketId()));
    m_newSocketId->setObjectName(u"endpointNewSocketId"_s);
    m_newSocketId->setAccessibleName(tr("New synthetic socket id"));
    m_newSocketId->setToolTip(tr("A fresh, well-formed socket id (no live connection is needed to test an endpoint)"));
    m_send->setObjectName(u"endpointSend"_s);
    m_send->setAccessibleName(tr("Send the auth request"));
    m_status->setObjectName(u"endpointStatus"_s);
    makeSelectableByMouse(m_status);
    m_toInspect->setObjectName(u"endpointToInspect"_s);
    m_toInspect->setAccessibleName(m_toInspect->text());
    m_toInspect->setEnabled(false);

    auto *socketRow = new QHBoxLayout;
    socketRow->addWidget(m_socketId, 1);
    socketRow->addWidget(m_newSocketId);
    auto *form = new QFormLayout;
    form->addRow(tr("&URL"), m_url);
    form->addRow(tr("&Body"), m_format);
    form->addRow(tr("&Headers"), m_headers);
    form->addRow(QString(), m_headersError);
    auto *socketLabel = new QLabel(tr("&Socket id"), this);
    socketLabel->setBuddy(m_socketId);
    form->addRow(socketLabel, socketRow);
    form->addRow(tr("&Channel"), m_channel);
    form->addRow(QString(), m_inputError);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_send);
    sendRow->addWidget(m_status, 1);
    sendRow->addWidget(m_toInspect);

    auto *exchange = new QSplitter(Qt::Horizontal);
    exchange->addWidget(m_request);
    exchange->addWidget(m_response);
    // The exchange and the verdict share the height; the user moves the line between them.
    auto *results = new QSplitter(Qt::Vertical, this);
    results->setObjectName(u"endpointResultsSplitter"_s);
    results->addWidget(exchange);
    results->addWidget(m_verdict);
    results->setChildrenCollapsible(false);
    results->setStretchFactor(0, 1);
    results->setStretchFactor(1, 2);
    for (QPlainTextEdit *edit : {m_request, m_response})
        edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * 5 + 12);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(sendRow);
    layout->addWidget(results, 1);

    connect(m_newSocketId, &QPushButton::clicked, this,
            [this] { m_socketId->setText(QString::fromUtf8(syntheticSocketId())); });
    connect(m_send, &QPushButton::clicked, this, &EndpointTab::send);
    connect(m_toInspect, &QPushButton::clicked, this,
            [this] { Q_EMIT inspectRequested(m_last.response.body, m_sent.socketId, m_sent.channelName); });
    for (QLineEdit *edit : {m_url, m_socketId, m_channel})
        connect(edit, &QLineEdit::textChanged, this, &EndpointTab::updateState);
    connect(m_headers, &QPlainTextEdit::textChanged, this, &EndpointTab::updateState);
    connect(m_format, &QComboBox::currentIndexChanged, this, &EndpointTab::updateState);
    m_verdict->showMessage(tr("Send to see what your endpoint answers."));
    updateState();
}

EndpointTab::~EndpointTab() = default;

void EndpointTab::setSharedSettings(AuthEndpointSettings *settings)
{
    m_shared = settings;
    updateState();
}

void EndpointTab::setKeys(const AuthKeys &keys)
{
    m_keys = keys;
    updateState();
}

HeaderList EndpointTab::headers(QString *error) const
{
    HeaderList out;
    const QStringList lines = m_headers->toPlainText().split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        QByteArray name, value;
        if (!parseHeaderLine(line.toUtf8(), &name, &value)) {
            *error = tr("Line %1 is not a header: write 'Name: value'.").arg(i + 1);
            return {};
        }
        out.append({name, value});
    }
    return out;
}

AuthEndpointRequest EndpointTab::request() const
{
    AuthEndpointRequest r;
    r.url = m_url->text().trimmed().toUtf8();
    r.format = AuthEndpointRequest::Format(m_format->currentData().toInt());
    r.socketId = m_socketId->text().toUtf8();
    r.channelName = m_channel->text().toUtf8();
    QString ignored;
    r.headers = headers(&ignored);
    return r;
}

QString EndpointTab::blockingReason() const
{
    if (isSending())
        return tr("Waiting for the endpoint");
    if (!m_keys.usable())
        return m_keys.problem;
    QString headerError;
    headers(&headerError);
    if (!headerError.isEmpty())
        return headerError;
    if (m_url->text().trimmed().isEmpty() || m_channel->text().isEmpty())
        return tr("Enter the endpoint URL and a channel");
    return request().error();
}

void EndpointTab::updateState()
{
    QString headerError;
    headers(&headerError);
    setFieldError(m_headersError, headerError);
    const bool typed = !m_url->text().trimmed().isEmpty() && !m_channel->text().isEmpty();
    setFieldError(m_inputError, typed && headerError.isEmpty() ? request().error() : QString());
    if (m_shared && headerError.isEmpty())
        m_shared->setRequest(request());
    const QString reason = blockingReason();
    m_send->setEnabled(reason.isEmpty());
    m_send->setToolTip(reason.isEmpty() ? tr("POST the request a client SDK sends") : reason);
}

void EndpointTab::send()
{
    if (!blockingReason().isEmpty())
        return;
    const AuthEndpointRequest r = request();
    m_sent = r;
    m_test = new AuthEndpointTest(m_http, r, m_keys.input(), this);
    const HttpRequest wire = r.httpRequest();
    m_request->setPlainText(u"POST "_s + QString::fromUtf8(wire.url) + u'\n' + headerText(wire.headers) + u'\n'
                            + QString::fromUtf8(wire.body));
    m_response->clear();
    m_status->setText(tr("Sending..."));
    m_toInspect->setEnabled(false);
    m_verdict->showMessage(tr("Waiting for the endpoint..."));
    connect(m_test.data(), &AuthEndpointTest::finished, this, [this] {
        AuthEndpointTest *test = m_test.data();
        m_last = test->result();
        m_test.clear();
        test->deleteLater();
        showResult(m_last);
        updateState();
        Q_EMIT finished();
    });
    m_test->start();
    updateState();
}

void EndpointTab::showResult(const AuthEndpointResult &result)
{
    const HttpResponse &response = result.response;
    if (result.reached) {
        m_status->setText(tr("HTTP %1 %2, %3 ms")
                              .arg(response.status)
                              .arg(QString::fromUtf8(response.reasonPhrase))
                              .arg(qRound(qMax(0.0, result.elapsedMs))));
        m_response->setPlainText(QString::fromUtf8(response.httpVersion) + u' ' + QString::number(response.status)
                                 + u' ' + QString::fromUtf8(response.reasonPhrase) + u'\n'
                                 + headerText(response.headers) + u'\n' + QString::fromUtf8(response.body));
    } else {
        m_status->setText(result.transport.isEmpty() ? tr("No answer") : result.transport.first().message);
        m_response->setPlainText(tr("(no answer)"));
    }
    m_toInspect->setEnabled(result.reached);
    m_verdict->setInspection(result.inspection, result.transport, result.reached && response.status == 200);
}

} // namespace Apinator::Ui
