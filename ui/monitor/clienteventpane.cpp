// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "monitor/clienteventpane.h"

#include "auth/fielderror.h"
#include "widgets/icons.h"
#include "widgets/jsoneditor.h"
#include "widgets/widgethelpers.h"

#include <apinator/names.h>
#include <apinator/realtimeclient.h>

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

ClientEventPane::ClientEventPane(QWidget *parent)
    : QWidget(parent)
    , m_channel(new QComboBox(this))
    , m_event(makeLineEdit(u"monitorClientEventName"_s, tr("Client event name"), tr("client-typing"), this))
    , m_eventError(makeFieldError(u"monitorClientEventError"_s, this))
    , m_data(new JsonEditor(this))
    , m_send(new QPushButton(icon(u"trigger"_s), tr("Se&nd client event"), this))
    , m_status(new QLabel(this))
{
    setNames(m_channel, u"monitorClientEventChannel"_s, tr("Channel of the client event"));
    setNames(m_data, u"monitorClientEventData"_s, tr("Client event data"));
    setNames(m_send, u"monitorClientEventSend"_s, tr("Send the client event"));
    setNames(m_status, u"monitorClientEventStatus"_s, tr("Client event status"));
    m_event->setText(u"client-"_s);
    m_data->setData("{\"typing\": true}"_ba);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("C&hannel"), m_channel);
    form->addRow(tr("E&vent"), m_event);
    form->addRow(QString(), m_eventError);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_data, 1);
    layout->addWidget(m_send, 0, Qt::AlignLeft);
    layout->addWidget(m_status);

    connect(m_event, &QLineEdit::textChanged, this, &ClientEventPane::validate);
    connect(m_channel, &QComboBox::currentIndexChanged, this, &ClientEventPane::validate);
    connect(m_data, &JsonEditor::checked, this, &ClientEventPane::validate);
    connect(m_data, &JsonEditor::edited, this, &ClientEventPane::validate);
    connect(m_send, &QPushButton::clicked, this, &ClientEventPane::send);
    refreshChannels();
}

void ClientEventPane::setClient(RealtimeClient *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    if (client) {
        connect(client, &RealtimeClient::subscriptionChanged, this, &ClientEventPane::refreshChannels);
        connect(client, &RealtimeClient::subscriptionRemoved, this, &ClientEventPane::refreshChannels);
        connect(client, &RealtimeClient::stateChanged, this, &ClientEventPane::validate);
    }
    refreshChannels();
}

void ClientEventPane::refreshChannels()
{
    const QString current = m_channel->currentText();
    QStringList names;
    if (m_client) {
        for (const RealtimeSubscription &sub : m_client->subscriptions()) {
            if (sub.type != ChannelType::Public && sub.state == RealtimeSubscription::State::Subscribed)
                names << sub.channel;
        }
    }
    {
        const QSignalBlocker block(m_channel);
        m_channel->clear();
        m_channel->addItems(names);
        m_channel->setCurrentIndex(qMax(0, int(names.indexOf(current))));
    }
    validate();
}

void ClientEventPane::validate()
{
    const QString event = m_event->text().trimmed();
    QString eventError;
    if (!event.isEmpty() && !Names::isClientEvent(event))
        eventError = tr("A client event's name starts with client-");
    else if (!event.isEmpty())
        eventError = Names::eventNameError(event);
    setFieldError(m_eventError, eventError);
    if (!m_client || m_client->state() != RealtimeClient::State::Connected)
        m_reason = tr("Connect first");
    else if (m_channel->count() == 0)
        m_reason = tr("Subscribe to a private or presence channel first: client events go only there");
    else if (event.isEmpty() || event == u"client-"_s)
        m_reason = tr("Enter an event name after client-");
    else if (!eventError.isEmpty())
        m_reason = eventError;
    else if (m_data->isPending())
        m_reason = tr("The data is being checked");
    else if (!m_data->isAcceptable())
        m_reason = tr("The data is not valid JSON (%1); fix it or switch on Raw text").arg(m_data->check().text());
    else
        m_reason.clear();
    m_send->setEnabled(m_reason.isEmpty());
    m_send->setToolTip(m_reason.isEmpty() ? tr("Send from this connection") : m_reason);
    if (!m_reason.isEmpty())
        m_status->setText(m_reason);
}

void ClientEventPane::send()
{
    validate();
    if (!m_reason.isEmpty())
        return;
    const QString channel = m_channel->currentText();
    const QString event = m_event->text().trimmed();
    const QString error = m_client->sendClientEvent(channel, event, m_data->checkedData());
    m_status->setText(error.isEmpty() ? tr("Sent %1 on %2.").arg(event, channel) : tr("Not sent: %1").arg(error));
}

} // namespace Apinator::Ui
