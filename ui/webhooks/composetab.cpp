// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "webhooks/composetab.h"

#include "webhooks/secretfield.h"
#include "widgets/widgethelpers.h"

#include <apinator/webhookreplay.h>

#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

// 'text' for a POSIX shell: single quotes, a quote inside as '\''.
QString shellQuoted(const QString &text)
{
    QString out = text;
    out.replace(u"'"_s, u"'\\''"_s);
    return u"'"_s + out + u"'"_s;
}

} // namespace

WebhookComposeTab::WebhookComposeTab(HttpClient *http, QWidget *parent)
    : QWidget(parent)
    , m_http(http)
{
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(buildForm());

    auto *right = new QWidget(this);
    auto *rightLayout = new QGridLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_headers = monoTextEdit(u"composeHeadersView"_s, tr("Signed headers"), true, right);
    m_curl = monoTextEdit(u"composeCurlView"_s, tr("curl command"), true, right);
    m_url = new QLineEdit(right);
    m_url->setObjectName(u"composeUrlEdit"_s);
    m_url->setAccessibleName(tr("Your webhook handler's URL"));
    m_url->setPlaceholderText(u"http://localhost:3000/webhooks"_s);
    m_send = new QPushButton(tr("Se&nd"), right);
    m_send->setObjectName(u"composeSendButton"_s);
    m_send->setAccessibleName(tr("Send the signed webhook"));
    m_status = new QLabel(right);
    m_status->setObjectName(u"composeStatusLabel"_s);
    m_status->setAccessibleName(tr("Answer status"));
    m_status->setWordWrap(true);
    m_response = monoTextEdit(u"composeResponseView"_s, tr("Answer headers and body"), true, right);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_url, 1);
    sendRow->addWidget(m_send);
    // Signed request on the left, the handler's answer on the right, under the form.
    rightLayout->addWidget(new QLabel(tr("<b>Headers</b>"), right), 0, 0);
    rightLayout->addWidget(m_headers, 1, 0);
    rightLayout->addWidget(new QLabel(tr("<b>curl</b>"), right), 2, 0);
    rightLayout->addWidget(m_curl, 3, 0);
    rightLayout->addWidget(new QLabel(tr("<b>Send to</b>"), right), 0, 1);
    rightLayout->addLayout(sendRow, 1, 1, Qt::AlignTop);
    rightLayout->addWidget(m_status, 2, 1);
    rightLayout->addWidget(m_response, 3, 1);
    rightLayout->setColumnStretch(0, 1);
    rightLayout->setColumnStretch(1, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    for (QPlainTextEdit *view : {m_headers, m_curl, m_response})
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_event, &QComboBox::currentIndexChanged, this, &WebhookComposeTab::applyTemplate);
    connect(m_channel, &QLineEdit::textChanged, this, &WebhookComposeTab::applyTemplate);
    connect(m_user, &QLineEdit::textChanged, this, &WebhookComposeTab::applyTemplate);
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        // Typing in the body makes it a custom body: the template stops rewriting it.
        if (!m_applying && m_event->currentIndex() != m_event->count() - 1) {
            const QSignalBlocker blocker(m_event);
            m_event->setCurrentIndex(m_event->count() - 1);
        }
        sign();
    });
    connect(m_timeMode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_time->setEnabled(index == 1);
        if (index == 1 && m_time->text().isEmpty())
            m_time->setText(QString::number(QDateTime::currentSecsSinceEpoch()));
        sign();
    });
    connect(m_time, &QLineEdit::textChanged, this, &WebhookComposeTab::sign);
    connect(m_secret, &WebhookSecretField::changed, this, &WebhookComposeTab::sign);
    connect(m_sign, &QPushButton::clicked, this, &WebhookComposeTab::sign);
    connect(m_send, &QPushButton::clicked, this, &WebhookComposeTab::send);
    applyTemplate();
}

QLayout *WebhookComposeTab::buildForm()
{
    m_event = new QComboBox(this);
    m_event->setObjectName(u"composeEventCombo"_s);
    m_event->setAccessibleName(tr("Event type"));
    for (const QByteArray &type : webhookEventTypes())
        m_event->addItem(QString::fromLatin1(type), QString::fromLatin1(type));
    m_event->addItem(tr("Custom body"), QString());
    m_channel = new QLineEdit(u"my-channel"_s, this);
    m_channel->setObjectName(u"composeChannelEdit"_s);
    m_channel->setAccessibleName(tr("Channel"));
    m_user = new QLineEdit(u"user-1"_s, this);
    m_user->setObjectName(u"composeUserEdit"_s);
    m_user->setAccessibleName(tr("User id"));
    m_body = monoTextEdit(u"composeBodyEdit"_s, tr("Body"), false, this);
    m_timeMode = new QComboBox(this);
    m_timeMode->setObjectName(u"composeTimestampCombo"_s);
    m_timeMode->setAccessibleName(tr("Timestamp"));
    m_timeMode->addItems({tr("Now"), tr("Chosen unix time")});
    m_time = new QLineEdit(this);
    m_time->setObjectName(u"composeTimestampEdit"_s);
    m_time->setAccessibleName(tr("Chosen timestamp, unix seconds"));
    m_time->setEnabled(false);
    m_secret = new WebhookSecretField(this);
    m_secret->setObjectName(u"composeSecretField"_s);
    m_secret->typed()->setObjectName(u"composeSecretEdit"_s);
    m_sign = new QPushButton(tr("Si&gn again"), this);
    m_sign->setObjectName(u"composeSignButton"_s);
    m_sign->setAccessibleName(tr("Sign with the current time"));
    auto *timeRow = new QHBoxLayout;
    timeRow->addWidget(m_timeMode);
    timeRow->addWidget(m_time, 1);
    timeRow->addWidget(m_sign);
    auto *form = new QFormLayout;
    form->addRow(tr("Event"), m_event);
    form->addRow(tr("Channel"), m_channel);
    form->addRow(tr("User id"), m_user);
    form->addRow(tr("Body"), m_body);
    form->addRow(tr("Timestamp"), timeRow);
    form->addRow(tr("Secret"), m_secret);
    return form;
}

void WebhookComposeTab::applyTemplate()
{
    const QString type = m_event->currentData().toString();
    m_user->setEnabled(type.startsWith(u"member_"));
    if (type.isEmpty()) {
        sign();
        return;
    }
    m_applying = true;
    m_body->setPlainText(QString::fromUtf8(
        webhookEventBody(type.toUtf8(), m_channel->text().toUtf8(), m_user->text().toUtf8())));
    m_applying = false;
    sign();
}

qint64 WebhookComposeTab::timestamp(bool *ok) const
{
    *ok = true;
    if (m_timeMode->currentIndex() == 0)
        return QDateTime::currentSecsSinceEpoch();
    return m_time->text().trimmed().toLongLong(ok);
}

HttpRequest WebhookComposeTab::request() const
{
    bool ok = false;
    const qint64 ts = timestamp(&ok);
    const QUrl url(m_url->text().trimmed());
    return signedWebhookRequest(url.toEncoded(), m_body->toPlainText().toUtf8(), m_secret->secret(), ok ? ts : 0);
}

void WebhookComposeTab::sign()
{
    bool ok = false;
    timestamp(&ok);
    if (!ok) {
        m_headers->setPlainText(tr("The chosen timestamp is not a whole number of unix seconds."));
        m_curl->clear();
        return;
    }
    if (m_secret->secret().isEmpty()) {
        m_headers->setPlainText(tr("Choose or type the webhook secret to sign with."));
        m_curl->clear();
        return;
    }
    const HttpRequest r = request();
    QString headers;
    QString curl = u"curl -i -X POST %1"_s.arg(shellQuoted(r.url.isEmpty() ? tr("URL") : QString::fromUtf8(r.url)));
    for (const auto &[name, value] : r.headers) {
        const QString line = QString::fromLatin1(name) + u": "_s + QString::fromLatin1(value);
        headers += line + u'\n';
        curl += u" \\\n  -H "_s + shellQuoted(line);
    }
    curl += u" \\\n  --data-binary "_s + shellQuoted(QString::fromUtf8(r.body));
    m_headers->setPlainText(headers);
    m_curl->setPlainText(curl);
}

void WebhookComposeTab::send()
{
    const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty()) {
        m_status->setText(tr("Give your handler's URL: an http:// or https:// address"));
        return;
    }
    if (m_secret->secret().isEmpty()) {
        m_status->setText(tr("Choose or type the webhook secret to sign with"));
        return;
    }
    if (m_reply)
        m_reply->abort();
    sign();
    m_status->setText(tr("Sending..."));
    m_response->clear();
    HttpReply *reply = m_http->send(request());
    m_reply = reply;
    connect(reply, &HttpReply::finished, this, [this, reply] {
        reply->deleteLater();
        const HttpResponse &r = reply->response();
        if (r.cancelled)
            return;
        if (r.status == 0) {
            m_status->setText(tr("No answer: %1").arg(r.error));
            return;
        }
        m_status->setText(tr("HTTP %1 %2 in %3 ms")
                              .arg(r.status)
                              .arg(QString::fromLatin1(r.reasonPhrase))
                              .arg(r.timings.total, 0, 'f', 1));
        QString text;
        for (const auto &[name, value] : r.headers)
            text += QString::fromLatin1(name) + u": "_s + QString::fromUtf8(value) + u'\n';
        m_response->setPlainText(text + u'\n' + QString::fromUtf8(r.body));
    });
}

} // namespace Apinator::Ui
