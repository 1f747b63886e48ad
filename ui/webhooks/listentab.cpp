// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "webhooks/listentab.h"

#include "session/embeddedsandbox.h"
#include "widgets/selectablelabel.h"

#include <apinator/httpclient.h>
#include <apinator/webhookreplay.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

enum Column { TimeColumn, MethodColumn, PathColumn, SizeColumn, VerdictColumn };

std::optional<QByteArray> httpUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        return std::nullopt;
    return url.toEncoded();
}

QString answerText(const HttpResponse &r)
{
    if (r.status == 0)
        return QObject::tr("no answer: %1").arg(r.error);
    return QObject::tr("HTTP %1 %2 in %3 ms: %4")
        .arg(r.status)
        .arg(QString::fromLatin1(r.reasonPhrase))
        .arg(qRound(r.timings.total))
        .arg(QString::fromUtf8(r.body.left(200)).simplified());
}

} // namespace

WebhookListenTab::WebhookListenTab(HttpClient *http, EmbeddedSandbox *sandbox, const QString &dataDir,
                                   QWidget *parent)
    : QWidget(parent)
    , m_http(http)
    , m_sandbox(sandbox)
    , m_receiver(new WebhookReceiver(this))
    , m_forwarder(new WebhookForwarder(http, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buildSettings());
    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"listenCaptureList"_s);
    m_list->setAccessibleName(tr("Received requests"));
    m_list->setHeaderLabels({tr("Time"), tr("Method"), tr("Path"), tr("Size"), tr("Verdict")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->resizeSection(TimeColumn, 110);
    m_list->header()->resizeSection(PathColumn, 200);
    layout->addWidget(m_list, 1);
    layout->addLayout(buildActions());
    m_message = new QLabel(this);
    m_message->setObjectName(u"listenMessageLabel"_s);
    m_message->setAccessibleName(tr("Receiver messages"));
    m_message->setWordWrap(true);
    makeSelectableByMouse(m_message);
    layout->addWidget(m_message);

    if (!dataDir.isEmpty()) {
        m_store = std::make_unique<WebhookCaptureStore>();
        QString error;
        if (m_store->open(dataDir, &error)) {
            m_captures = m_store->list();
            for (const WebhookCapture &c : std::as_const(m_captures))
                addRow(c);
        } else {
            m_message->setText(tr("Captures are kept for this session only: %1").arg(error));
            m_store.reset();
        }
    }

    connect(m_receiver, &WebhookReceiver::captured, this, &WebhookListenTab::onCaptured);
    connect(m_receiver, &WebhookReceiver::refused, this,
            [this](const QByteArray &method, const QByteArray &target, int status) {
                m_message->setText(tr("Refused %1 %2 with %3 (not captured)")
                                       .arg(QString::fromLatin1(method.isEmpty() ? "?"_ba : method),
                                            QString::fromUtf8(target.left(100)))
                                       .arg(status));
            });
    connect(m_forwarder, &WebhookForwarder::forwarded, this, [this](qint64, const HttpResponse &response) {
        m_message->setText(tr("Forwarded to %1: %2").arg(QString::fromUtf8(m_forwarder->target()), answerText(response)));
    });
    connect(m_start, &QPushButton::clicked, this, &WebhookListenTab::toggle);
    connect(m_sandboxHere, &QPushButton::clicked, this, &WebhookListenTab::sendSandboxHere);
    connect(m_replay, &QPushButton::clicked, this, &WebhookListenTab::replay);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (m_store)
            m_store->clear();
        m_captures.clear();
        m_list->clear();
        syncButtons();
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        syncButtons();
        if (const WebhookCapture *c = selected())
            Q_EMIT captureSelected(*c);
    });
    connect(m_replayUrl, &QLineEdit::textChanged, this, &WebhookListenTab::syncButtons);
    // The answer can change while listening: the next request gets it.
    const auto applyResponse = [this] { m_receiver->setResponse(m_status->value(), m_response->text().toUtf8()); };
    connect(m_status, &QSpinBox::valueChanged, this, applyResponse);
    connect(m_response, &QLineEdit::textChanged, this, applyResponse);
    if (m_sandbox)
        connect(m_sandbox, &EmbeddedSandbox::stateChanged, this, &WebhookListenTab::syncButtons);
    syncButtons();
}

WebhookListenTab::~WebhookListenTab() = default;

QLayout *WebhookListenTab::buildSettings()
{
    m_host = new QComboBox(this);
    m_host->setObjectName(u"listenHostCombo"_s);
    m_host->setAccessibleName(tr("Listen address"));
    m_host->addItem(tr("127.0.0.1 (this computer only)"), u"127.0.0.1"_s);
    m_host->addItem(tr("0.0.0.0 (every address)"), u"0.0.0.0"_s);
    m_port = new QSpinBox(this);
    m_port->setObjectName(u"listenPortSpin"_s);
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_path = new QLineEdit(u"/webhooks"_s, this);
    m_path->setObjectName(u"listenPathEdit"_s);
    m_path->setAccessibleName(tr("Path"));
    m_status = new QSpinBox(this);
    m_status->setObjectName(u"listenStatusSpin"_s);
    m_status->setAccessibleName(tr("Response status"));
    m_status->setRange(100, 599);
    m_status->setValue(200);
    m_response = new QLineEdit(u"ok"_s, this);
    m_response->setObjectName(u"listenResponseEdit"_s);
    m_response->setAccessibleName(tr("Response body"));
    m_start = new QPushButton(tr("&Start"), this);
    m_start->setObjectName(u"listenStartButton"_s);
    m_start->setAccessibleName(tr("Start or stop the receiver"));
    m_url = new QLabel(tr("Not listening"), this);
    m_url->setObjectName(u"listenUrlLabel"_s);
    m_url->setAccessibleName(tr("Receiver URL"));
    makeSelectableByMouse(m_url);
    m_sandboxHere = new QPushButton(tr("Send the sandbox's webhooks here"), this);
    m_sandboxHere->setObjectName(u"listenSandboxButton"_s);
    m_sandboxHere->setAccessibleName(tr("Set the sandbox's webhook URL to this receiver"));

    m_clear = new QPushButton(tr("Clear"), this);
    m_clear->setObjectName(u"listenClearButton"_s);
    m_clear->setAccessibleName(tr("Delete every capture"));
    auto *where = new QHBoxLayout;
    where->addWidget(m_host);
    where->addWidget(new QLabel(tr("Port"), this));
    where->addWidget(m_port);
    where->addWidget(new QLabel(tr("Path"), this));
    where->addWidget(m_path, 1);
    auto *answer = new QHBoxLayout;
    answer->addWidget(m_status);
    answer->addWidget(m_response, 1);
    auto *run = new QHBoxLayout;
    run->addWidget(m_start);
    run->addWidget(m_url, 1);
    run->addWidget(m_sandboxHere);
    run->addWidget(m_clear);
    auto *form = new QFormLayout;
    form->addRow(tr("Listen on"), where);
    form->addRow(tr("Answer with"), answer);
    form->addRow(run);
    return form;
}

QLayout *WebhookListenTab::buildActions()
{
    m_forward = new QCheckBox(tr("Forward each new request to"), this);
    m_forward->setObjectName(u"listenForwardCheck"_s);
    m_forward->setAccessibleName(tr("Forward every new request"));
    m_forwardUrl = new QLineEdit(this);
    m_forwardUrl->setObjectName(u"listenForwardEdit"_s);
    m_forwardUrl->setAccessibleName(tr("Forward URL"));
    m_forwardUrl->setPlaceholderText(u"http://localhost:3000/webhooks"_s);
    m_replayUrl = new QLineEdit(this);
    m_replayUrl->setObjectName(u"listenReplayEdit"_s);
    m_replayUrl->setAccessibleName(tr("Replay URL"));
    m_replayUrl->setPlaceholderText(u"http://localhost:3000/webhooks"_s);
    m_replayMode = new QComboBox(this);
    m_replayMode->setObjectName(u"listenReplayModeCombo"_s);
    m_replayMode->setAccessibleName(tr("Replay as"));
    m_replayMode->addItem(tr("Re-signed, fresh timestamp"));
    m_replayMode->addItem(tr("As captured"));
    m_replay = new QPushButton(tr("&Replay"), this);
    m_replay->setObjectName(u"listenReplayButton"_s);
    m_replay->setAccessibleName(tr("Replay the selected request"));
    auto *forward = new QHBoxLayout;
    forward->addWidget(m_forward);
    forward->addWidget(m_forwardUrl, 1);
    auto *replay = new QHBoxLayout;
    replay->addWidget(new QLabel(tr("Replay selected to"), this));
    replay->addWidget(m_replayUrl, 1);
    replay->addWidget(m_replayMode);
    replay->addWidget(m_replay);
    auto *layout = new QVBoxLayout;
    layout->addLayout(forward);
    layout->addLayout(replay);
    connect(m_forward, &QCheckBox::toggled, this, [this] {
        const auto url = httpUrl(m_forwardUrl->text());
        m_forwarder->setTarget(m_forward->isChecked() && url ? *url : QByteArray());
        if (m_forward->isChecked() && !url)
            m_message->setText(tr("Forwarding needs an http:// or https:// URL"));
    });
    connect(m_forwardUrl, &QLineEdit::textChanged, this, [this] {
        const auto url = httpUrl(m_forwardUrl->text());
        m_forwarder->setTarget(m_forward->isChecked() && url ? *url : QByteArray());
    });
    return layout;
}

void WebhookListenTab::setVerifier(const QByteArray &secret)
{
    m_secret = secret;
    refreshVerdicts();
}

void WebhookListenTab::toggle()
{
    if (m_receiver->isListening()) {
        m_receiver->stop();
        m_url->setText(tr("Not listening"));
        syncButtons();
        return;
    }
    WebhookReceiverConfig config;
    config.host = QHostAddress(m_host->currentData().toString());
    config.port = quint16(m_port->value());
    config.path = m_path->text().trimmed().toUtf8();
    config.responseStatus = m_status->value();
    config.responseBody = m_response->text().toUtf8();
    QString error;
    if (!m_receiver->start(config, &error)) {
        m_message->setText(tr("Cannot start the receiver: %1").arg(error));
        return;
    }
    m_url->setText(m_receiver->url());
    m_message->setText(tr("Listening on %1").arg(m_receiver->url()));
    syncButtons();
}

void WebhookListenTab::sendSandboxHere()
{
    if (!m_sandbox || !m_receiver->isListening())
        return;
    QString error;
    if (m_sandbox->setWebhookUrl(m_receiver->url(), &error))
        m_message->setText(tr("The sandbox now sends its webhooks to %1").arg(m_receiver->url()));
    else
        m_message->setText(tr("Cannot point the sandbox here: %1").arg(error));
}

void WebhookListenTab::onCaptured(WebhookCapture capture)
{
    if (m_store && !m_store->add(capture))
        m_message->setText(tr("The capture is not saved: %1").arg(m_store->lastError()));
    if (capture.id == 0)
        capture.id = -(m_captures.size() + 1); // session-only: still unique
    m_captures.append(capture);
    // The store keeps the newest; so does the list.
    while (m_captures.size() > WebhookCaptureStore::DefaultMaxCount) {
        m_captures.removeFirst();
        delete m_list->takeTopLevelItem(0);
    }
    addRow(capture);
    m_forwarder->forward(capture);
    syncButtons();
}

QString WebhookListenTab::verdictText(const WebhookCapture &capture) const
{
    if (m_secret.isEmpty())
        return tr("no secret");
    // The SDKs' check only, at the time it arrived: a thousand rows stay cheap; Inspect
    // explains the one selected.
    const WebhookVerdict v = verifyWebhook(capture.headers, capture.body, m_secret,
                                           {DefaultWebhookMaxAgeSeconds, capture.received.toSecsSinceEpoch()});
    if (v.valid)
        return tr("valid");
    return tr("invalid: %1").arg(v.causes.isEmpty() ? QString() : v.causes.first().code);
}

void WebhookListenTab::addRow(const WebhookCapture &capture)
{
    auto *item = new QTreeWidgetItem(m_list);
    item->setText(TimeColumn, capture.received.toLocalTime().toString(u"HH:mm:ss.zzz"_s));
    item->setToolTip(TimeColumn, capture.received.toLocalTime().toString(Qt::ISODateWithMs));
    item->setText(MethodColumn, QString::fromLatin1(capture.method));
    item->setText(PathColumn, QString::fromUtf8(capture.target));
    item->setText(SizeColumn, QLocale().formattedDataSize(capture.body.size()));
    item->setText(VerdictColumn, verdictText(capture));
    item->setData(TimeColumn, Qt::UserRole, capture.id);
}

void WebhookListenTab::refreshVerdicts()
{
    for (int i = 0; i < m_list->topLevelItemCount() && i < m_captures.size(); ++i)
        m_list->topLevelItem(i)->setText(VerdictColumn, verdictText(m_captures.at(i)));
}

const WebhookCapture *WebhookListenTab::selected() const
{
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    return row >= 0 && row < m_captures.size() ? &m_captures.at(row) : nullptr;
}

void WebhookListenTab::replay()
{
    const WebhookCapture *capture = selected();
    const auto url = httpUrl(m_replayUrl->text());
    if (!capture || !url) {
        m_message->setText(tr("Select a request and give an http:// or https:// URL to replay it to"));
        return;
    }
    const bool resign = m_replayMode->currentIndex() == 0;
    if (resign && m_secret.isEmpty()) {
        m_message->setText(tr("Re-signing needs a secret: choose one in Inspect"));
        return;
    }
    HttpReply *reply = m_http->send(webhookReplayRequest(*capture, *url,
                                                         resign ? WebhookReplayMode::Resigned
                                                                : WebhookReplayMode::AsCaptured,
                                                         m_secret, QDateTime::currentSecsSinceEpoch()));
    m_replay->setEnabled(false);
    m_message->setText(tr("Replaying to %1...").arg(QString::fromUtf8(*url)));
    connect(reply, &HttpReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_message->setText(tr("Replayed: %1").arg(answerText(reply->response())));
        syncButtons();
    });
}

void WebhookListenTab::syncButtons()
{
    const bool listening = m_receiver->isListening();
    m_start->setText(listening ? tr("&Stop") : tr("&Start"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_host, m_port, m_path})
        w->setEnabled(!listening);
    m_sandboxHere->setEnabled(listening && m_sandbox && m_sandbox->isRunning());
    m_replay->setEnabled(selected() && httpUrl(m_replayUrl->text()).has_value());
    m_clear->setEnabled(!m_captures.isEmpty());
}

} // namespace Apinator::Ui
