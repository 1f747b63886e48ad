// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "widgets/channelchipeditor.h"

#include "widgets/icons.h"

#include <apinator/names.h>

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

QString chipColour(const QString &name)
{
    if (!Names::isValidChannelName(name))
        return u"#c62828"_s;
    switch (Names::channelType(name)) {
    case ChannelType::Private:
        return u"#6a1b9a"_s;
    case ChannelType::Presence:
        return u"#00695c"_s;
    case ChannelType::Public:
        break;
    }
    return u"#1565c0"_s;
}

} // namespace

ChannelChipEditor::ChannelChipEditor(QWidget *parent)
    : QWidget(parent)
    , m_chips(new QHBoxLayout)
    , m_input(new QLineEdit(this))
{
    m_input->setObjectName(u"channelInput"_s);
    m_input->setAccessibleName(tr("Add a channel"));
    m_input->setPlaceholderText(tr("channel name, Enter to add"));
    m_input->installEventFilter(this);
    m_input->setMinimumWidth(140);
    m_chips->setContentsMargins(0, 0, 0, 0);
    m_chips->setSpacing(4);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_chips);
    layout->addWidget(m_input, 1);
    connect(m_input, &QLineEdit::textChanged, this, [this](const QString &text) {
        // A pasted list "a, b c" becomes chips at once.
        if (text.contains(u',') || text.contains(u' ')) {
            commitInput();
            return;
        }
        Q_EMIT pendingTextChanged();
    });
    connect(m_input, &QLineEdit::returnPressed, this, &ChannelChipEditor::commitInput);
}

void ChannelChipEditor::setChannels(const QStringList &channels)
{
    m_channels.clear();
    for (const QString &c : channels) {
        if (!c.isEmpty() && !m_channels.contains(c))
            m_channels << c;
    }
    m_input->clear();
    rebuild();
    Q_EMIT channelsChanged();
}

void ChannelChipEditor::addChannel(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || m_channels.contains(trimmed))
        return;
    m_channels << trimmed;
    rebuild();
    Q_EMIT channelsChanged();
}

void ChannelChipEditor::removeChannel(int index)
{
    if (index < 0 || index >= m_channels.size())
        return;
    m_channels.removeAt(index);
    rebuild();
    Q_EMIT channelsChanged();
}

QString ChannelChipEditor::pendingText() const
{
    return m_input->text().trimmed();
}

QWidget *ChannelChipEditor::chip(int index) const
{
    return m_chipWidgets.value(index);
}

QString ChannelChipEditor::error() const
{
    if (m_channels.isEmpty())
        return pendingText().isEmpty() ? tr("Add at least one channel") : tr("Press Enter to add the channel");
    if (m_channels.size() > 100)
        return tr("%1 channels; the limit is 100").arg(m_channels.size());
    for (const QString &c : m_channels) {
        if (const QString e = Names::channelNameError(c); !e.isEmpty())
            return u"\""_s + c + u"\": "_s + e;
    }
    return {};
}

void ChannelChipEditor::commitInput()
{
    const QString text = m_input->text();
    QSignalBlocker block(m_input);
    m_input->clear();
    bool added = false;
    for (const QString &part : text.split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts)) {
        if (!m_channels.contains(part)) {
            m_channels << part;
            added = true;
        }
    }
    if (added) {
        rebuild();
        Q_EMIT channelsChanged();
    }
    Q_EMIT pendingTextChanged();
}

bool ChannelChipEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Backspace && m_input->text().isEmpty() && !m_channels.isEmpty()) {
            removeChannel(int(m_channels.size()) - 1);
            return true;
        }
        // Enter must not reach the page (it would not send a half-typed channel).
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier) {
            commitInput();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChannelChipEditor::rebuild()
{
    // deleteLater: rebuild() runs from a chip's own remove button.
    for (QWidget *old : std::as_const(m_chipWidgets)) {
        old->hide();
        old->deleteLater();
    }
    m_chipWidgets.clear();
    for (int i = 0; i < m_channels.size(); ++i) {
        const QString name = m_channels.at(i);
        const bool valid = Names::isValidChannelName(name);
        auto *chip = new QWidget(this);
        chip->setObjectName(u"channelChip"_s);
        const QString type = valid ? Names::channelTypeName(Names::channelType(name)) : tr("invalid");
        chip->setAccessibleName(tr("Channel %1, %2").arg(name, type));
        chip->setToolTip(valid ? tr("%1 channel").arg(type) : Names::channelNameError(name));
        chip->setStyleSheet(u"QWidget#channelChip { border: 1px solid %1; border-radius: 9px; }"_s.arg(chipColour(name)));
        auto *row = new QHBoxLayout(chip);
        row->setContentsMargins(6, 1, 2, 1);
        row->setSpacing(4);
        auto *label = new QLabel(name.toHtmlEscaped() + u" <span style=\"color:%1; font-size:small\">%2</span>"_s.arg(chipColour(name), type), chip);
        label->setObjectName(u"channelChipLabel"_s);
        label->setTextFormat(Qt::RichText);
        auto *remove = new QToolButton(chip);
        remove->setObjectName(u"channelChipRemove"_s);
        remove->setIcon(icon(u"close"_s));
        remove->setAutoRaise(true);
        remove->setIconSize(QSize(10, 10));
        remove->setAccessibleName(tr("Remove channel %1").arg(name));
        remove->setToolTip(tr("Remove %1").arg(name));
        connect(remove, &QToolButton::clicked, this, [this, name] { removeChannel(int(m_channels.indexOf(name))); });
        row->addWidget(label);
        row->addWidget(remove);
        m_chips->addWidget(chip);
        m_chipWidgets << chip;
    }
}

} // namespace Apinator::Ui
