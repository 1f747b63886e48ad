// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "auth/inspecttab.h"

#include "auth/fielderror.h"
#include "auth/verdictview.h"

#include <apinator/names.h>

#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

InspectTab::InspectTab(QWidget *parent)
    : QWidget(parent)
    , m_pasted(new QPlainTextEdit(this))
    , m_socketId(makeLineEdit(u"inspectSocketId"_s, tr("Socket id"), u"1234.5678"_s, this))
    , m_socketIdError(makeFieldError(u"inspectSocketIdError"_s, this))
    , m_channel(makeLineEdit(u"inspectChannel"_s, tr("Channel name"), u"private-orders"_s, this))
    , m_channelError(makeFieldError(u"inspectChannelError"_s, this))
    , m_channelData(makeLineEdit(u"inspectChannelData"_s, tr("channel_data signed (optional)"),
                                 tr("only when you pasted just the auth value of a presence channel"), this))
    , m_verdict(new VerdictView(u"inspect"_s, this))
{
    m_pasted->setObjectName(u"inspectPasted"_s);
    m_pasted->setAccessibleName(tr("The auth endpoint's answer"));
    m_pasted->setPlaceholderText(tr("Paste what the auth endpoint answered: {\"auth\":\"key:signature\", ...}, "
                                    "or just the auth value"));
    m_pasted->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_pasted->setTabChangesFocus(true);
    m_pasted->setFixedHeight(m_pasted->fontMetrics().lineSpacing() * 4 + 12);

    auto *form = new QFormLayout;
    form->addRow(tr("&Answer"), m_pasted);
    form->addRow(tr("&Socket id"), m_socketId);
    form->addRow(QString(), m_socketIdError);
    form->addRow(tr("&Channel"), m_channel);
    form->addRow(QString(), m_channelError);
    form->addRow(tr("channel_&data"), m_channelData);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_verdict, 1);

    connect(m_pasted, &QPlainTextEdit::textChanged, this, &InspectTab::update);
    for (QLineEdit *edit : {m_socketId, m_channel, m_channelData})
        connect(edit, &QLineEdit::textChanged, this, &InspectTab::update);
    update();
}

void InspectTab::setKeys(const AuthKeys &keys)
{
    m_keys = keys;
    update();
}

void InspectTab::inspect(const QByteArray &answer, const QByteArray &socketId, const QByteArray &channel)
{
    m_socketId->setText(QString::fromUtf8(socketId));
    m_channel->setText(QString::fromUtf8(channel));
    m_channelData->clear();
    m_pasted->setPlainText(QString::fromUtf8(answer));
}

void InspectTab::update()
{
    setFieldError(m_socketIdError, m_socketId->text().isEmpty() ? QString() : Names::socketIdError(m_socketId->text()));
    setFieldError(m_channelError, m_channel->text().isEmpty() ? QString() : Names::channelNameError(m_channel->text()));
    if (!m_keys.usable()) {
        m_verdict->showMessage(m_keys.problem);
        return;
    }
    const QByteArray pasted = m_pasted->toPlainText().toUtf8();
    if (pasted.trimmed().isEmpty() || m_socketId->text().isEmpty() || m_channel->text().isEmpty()) {
        m_verdict->showMessage(tr("Paste an answer and give the socket id and channel it was for."));
        return;
    }
    AuthInspectInput input = m_keys.input();
    input.pasted = pasted;
    input.kind = AuthInspectInput::Pasted::Auto;
    input.socketId = m_socketId->text().toUtf8();
    input.channelName = m_channel->text().toUtf8();
    if (!m_channelData->text().isEmpty())
        input.channelData = m_channelData->text().toUtf8();
    m_verdict->setInspection(inspectChannelAuth(input));
}

} // namespace Apinator::Ui
