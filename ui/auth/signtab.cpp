// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "auth/signtab.h"

#include "auth/copyfield.h"
#include "auth/fielderror.h"
#include "widgets/bytediffview.h"

#include <apinator/channelauth.h>
#include <apinator/names.h>

#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

QPlainTextEdit *makeTextEdit(const QString &objectName, const QString &accessibleName, const QString &placeholder,
                             QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
    return edit;
}

} // namespace

SignTab::SignTab(QWidget *parent)
    : QWidget(parent)
    , m_keysNote(new QLabel(this))
    , m_socketId(makeLineEdit(u"signSocketId"_s, tr("Socket id"), u"1234.5678"_s, this))
    , m_socketIdError(makeFieldError(u"signSocketIdError"_s, this))
    , m_channel(makeLineEdit(u"signChannel"_s, tr("Channel name"), tr("private-orders or presence-room"), this))
    , m_channelError(makeFieldError(u"signChannelError"_s, this))
    , m_presence(new QGroupBox(tr("Presence channel_data"), this))
    , m_builderMode(new QRadioButton(tr("Build from a user id and user info"), m_presence))
    , m_rawMode(new QRadioButton(tr("Raw JSON text, signed byte for byte"), m_presence))
    , m_userId(makeLineEdit(u"signUserId"_s, tr("User id"), u"u-1"_s, m_presence))
    , m_userInfo(makeTextEdit(u"signUserInfo"_s, tr("User info (a JSON object)"), u"{\"name\": \"Alice\"}"_s, m_presence))
    , m_raw(makeTextEdit(u"signRawChannelData"_s, tr("Raw channel_data"),
                         u"{\"user_id\":\"u-1\",\"user_info\":{\"name\":\"Alice\"}}"_s, m_presence))
    , m_channelDataError(makeFieldError(u"signChannelDataError"_s, m_presence))
    , m_stringToSign(new CopyField(u"signStringToSign"_s, tr("String to sign (separators marked, invisible bytes escaped)"), 2, this))
    , m_signature(new CopyField(u"signSignature"_s, tr("Signature: lowercase hex HMAC-SHA256"), 2, this))
    , m_auth(new CopyField(u"signAuth"_s, tr("auth value"), 2, this))
    , m_response(new CopyField(u"signResponse"_s, tr("The exact JSON your auth endpoint returns"), 3, this))
{
    m_keysNote->setObjectName(u"signKeysNote"_s);
    m_keysNote->setWordWrap(true);
    m_builderMode->setObjectName(u"signBuilderMode"_s);
    m_rawMode->setObjectName(u"signRawMode"_s);
    m_builderMode->setAccessibleName(m_builderMode->text());
    m_rawMode->setAccessibleName(m_rawMode->text());
    m_builderMode->setChecked(true);
    m_presence->setObjectName(u"signPresenceGroup"_s);

    auto *presenceForm = new QFormLayout(m_presence);
    auto *modes = new QVBoxLayout;
    modes->addWidget(m_builderMode);
    modes->addWidget(m_rawMode);
    presenceForm->addRow(modes);
    presenceForm->addRow(tr("User id"), m_userId);
    presenceForm->addRow(tr("User info"), m_userInfo);
    presenceForm->addRow(tr("channel_data"), m_raw);
    presenceForm->addRow(QString(), m_channelDataError);

    auto *inputs = new QFormLayout;
    inputs->addRow(tr("&Socket id"), m_socketId);
    inputs->addRow(QString(), m_socketIdError);
    inputs->addRow(tr("&Channel"), m_channel);
    inputs->addRow(QString(), m_channelError);

    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->addWidget(m_keysNote);
    column->addLayout(inputs);
    column->addWidget(m_presence);
    column->addWidget(m_stringToSign);
    column->addWidget(m_signature);
    column->addWidget(m_auth);
    column->addWidget(m_response);
    column->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    // Long values wrap; a sideways scroll would hide the Copy buttons.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    for (QLineEdit *edit : {m_socketId, m_channel, m_userId})
        connect(edit, &QLineEdit::textChanged, this, &SignTab::update);
    for (QPlainTextEdit *edit : {m_userInfo, m_raw})
        connect(edit, &QPlainTextEdit::textChanged, this, &SignTab::update);
    connect(m_builderMode, &QRadioButton::toggled, this, &SignTab::update);
    update();
}

void SignTab::setKeys(const AuthKeys &keys)
{
    m_keys = keys;
    update();
}

std::optional<QByteArray> SignTab::channelData() const
{
    if (Names::channelType(m_channel->text()) != ChannelType::Presence)
        return std::nullopt;
    if (m_rawMode->isChecked()) {
        const QByteArray raw = m_raw->toPlainText().toUtf8();
        if (raw.isEmpty() || !presenceChannelDataError(raw).isEmpty())
            return std::nullopt;
        return raw;
    }
    QString error;
    return buildPresenceChannelData(m_userId->text(), m_userInfo->toPlainText().toUtf8(), &error);
}

QString SignTab::visibleStringToSign(const QByteArray &socketId, const QByteArray &channel,
                                     const std::optional<QByteArray> &channelData)
{
    const QString separator = u"<span style='background-color:#ffe08a; color:#000000'><b>:</b></span>"_s;
    QString html = ByteDiffView::escaped(socketId).toHtmlEscaped() + separator + ByteDiffView::escaped(channel).toHtmlEscaped();
    if (channelData)
        html += separator + ByteDiffView::escaped(*channelData).toHtmlEscaped();
    return u"<span style='white-space:pre-wrap'>"_s + html + u"</span>"_s;
}

void SignTab::update()
{
    const bool presence = Names::channelType(m_channel->text()) == ChannelType::Presence;
    const bool raw = m_rawMode->isChecked();
    m_presence->setEnabled(presence);
    m_userId->setVisible(!raw);
    m_userInfo->setVisible(!raw);
    m_raw->setVisible(raw);
    if (auto *form = qobject_cast<QFormLayout *>(m_presence->layout())) {
        form->setRowVisible(m_userId, !raw);
        form->setRowVisible(m_userInfo, !raw);
        form->setRowVisible(m_raw, raw);
    }

    // Validation next to each field, as the user types.
    const QString socketError = m_socketId->text().isEmpty() ? QString() : Names::socketIdError(m_socketId->text());
    setFieldError(m_socketIdError, socketError);
    QString channelError = m_channel->text().isEmpty() ? QString() : Names::channelNameError(m_channel->text());
    if (channelError.isEmpty() && !m_channel->text().isEmpty()
        && Names::channelType(m_channel->text()) == ChannelType::Public)
        channelError = tr("\"%1\" is a public channel: it needs no auth. Private channels start with \"private-\", "
                          "presence channels with \"presence-\".")
                           .arg(m_channel->text());
    setFieldError(m_channelError, channelError);
    QString dataError;
    if (presence) {
        if (raw) {
            const QByteArray text = m_raw->toPlainText().toUtf8();
            dataError = text.isEmpty() ? tr("Presence channels are signed with channel_data: enter it.")
                                       : presenceChannelDataError(text);
        } else if (m_userId->text().isEmpty()) {
            dataError = tr("Presence channels are signed with channel_data: enter a user id (user_id must be a "
                           "non-empty string).");
        } else {
            buildPresenceChannelData(m_userId->text(), m_userInfo->toPlainText().toUtf8(), &dataError);
        }
    }
    setFieldError(m_channelDataError, dataError);

    m_keysNote->setText(m_keys.usable() ? tr("Signing with the key and secret of profile \"%1\".").arg(m_keys.profileName)
                                        : m_keys.problem);
    const bool complete = !m_socketId->text().isEmpty() && !m_channel->text().isEmpty();
    if (!m_keys.usable() || !complete || !socketError.isEmpty() || !channelError.isEmpty() || !dataError.isEmpty()) {
        const QString why = !m_keys.usable() ? m_keys.problem
                            : !complete      ? tr("Enter a socket id and a channel")
                                             : tr("Fix the fields above");
        for (CopyField *field : {m_stringToSign, m_signature, m_auth, m_response})
            field->clearValue(why);
        return;
    }
    const QByteArray socketId = m_socketId->text().toUtf8();
    const QByteArray channel = m_channel->text().toUtf8();
    const std::optional<QByteArray> data = channelData();
    const ChannelAuthToken token = ChannelAuthSigner(m_keys.key, m_keys.secret).sign(socketId, channel, data);
    m_stringToSign->setValue(token.stringToSign, visibleStringToSign(socketId, channel, data));
    m_signature->setValue(token.signature);
    m_auth->setValue(token.auth);
    m_response->setValue(token.responseJson());
}

} // namespace Apinator::Ui
