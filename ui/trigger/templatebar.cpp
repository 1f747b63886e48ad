// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "trigger/templatebar.h"

#include "trigger/triggerstore.h"
#include "widgets/icons.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

TemplateBar::TemplateBar(TriggerStore *store, std::function<TriggerDraft()> current, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_current(std::move(current))
    , m_list(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_save(new QToolButton(this))
    , m_rename(new QToolButton(this))
    , m_delete(new QToolButton(this))
    , m_message(new QLabel(this))
{
    m_list->setObjectName(u"templateList"_s);
    m_list->setAccessibleName(tr("Templates"));
    m_list->setMinimumContentsLength(14);
    m_list->setPlaceholderText(tr("Templates…"));
    m_name->setObjectName(u"templateName"_s);
    m_name->setAccessibleName(tr("Template name"));
    m_name->setPlaceholderText(tr("template name"));
    m_save->setObjectName(u"templateSave"_s);
    m_save->setIcon(icon(u"save"_s));
    m_save->setText(tr("Save"));
    m_save->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_save->setAccessibleName(tr("Save as template"));
    m_save->setToolTip(tr("Save the event name, channels and data under this name"));
    m_rename->setObjectName(u"templateRename"_s);
    m_rename->setText(tr("Rename"));
    m_rename->setAccessibleName(tr("Rename the selected template"));
    m_rename->setToolTip(tr("Give the selected template the typed name"));
    m_delete->setObjectName(u"templateDelete"_s);
    m_delete->setIcon(icon(u"delete"_s));
    m_delete->setAccessibleName(tr("Delete the selected template"));
    m_delete->setToolTip(tr("Delete the selected template"));
    m_message->setObjectName(u"templateMessage"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addWidget(m_name);
    layout->addWidget(m_save);
    layout->addWidget(m_rename);
    layout->addWidget(m_delete);
    layout->addWidget(m_message, 1);

    connect(m_list, &QComboBox::activated, this, [this](int index) {
        const QString name = m_list->itemText(index);
        m_name->setText(name);
        load(name);
    });
    connect(m_save, &QToolButton::clicked, this, [this] { saveAs(m_name->text()); });
    connect(m_name, &QLineEdit::returnPressed, this, [this] { saveAs(m_name->text()); });
    connect(m_rename, &QToolButton::clicked, this, [this] { rename(m_list->currentText(), m_name->text()); });
    connect(m_delete, &QToolButton::clicked, this, [this] { remove(m_list->currentText()); });
    refresh();
}

void TemplateBar::setProfile(const QString &profileId)
{
    m_profileId = profileId;
    m_message->clear();
    refresh();
}

QStringList TemplateBar::names() const
{
    QStringList out;
    for (const TriggerTemplate &t : m_store->templates(m_profileId))
        out << t.name;
    return out;
}

QString TemplateBar::message() const
{
    return m_message->text();
}

void TemplateBar::saveAs(const QString &name)
{
    TriggerTemplate entry;
    entry.name = name.trimmed();
    entry.draft = m_current();
    entry.draft.socketId.clear(); // a socket id lives as long as one connection
    report(m_store->saveTemplate(m_profileId, entry), tr("Saved \"%1\"").arg(entry.name));
    refresh(entry.name);
}

void TemplateBar::load(const QString &name)
{
    for (const TriggerTemplate &t : m_store->templates(m_profileId)) {
        if (t.name == name) {
            Q_EMIT loadRequested(t.draft);
            report({}, tr("Loaded \"%1\"").arg(name));
            refresh(name);
            return;
        }
    }
    report(tr("No template named \"%1\"").arg(name), {});
}

void TemplateBar::rename(const QString &from, const QString &to)
{
    if (from.isEmpty()) {
        report(tr("Select a template to rename"), {});
        return;
    }
    const QString error = m_store->renameTemplate(m_profileId, from, to);
    report(error, tr("Renamed \"%1\" to \"%2\"").arg(from, to.trimmed()));
    refresh(error.isEmpty() ? to.trimmed() : from);
}

void TemplateBar::remove(const QString &name)
{
    if (name.isEmpty()) {
        report(tr("Select a template to delete"), {});
        return;
    }
    report(m_store->removeTemplate(m_profileId, name), tr("Deleted \"%1\"").arg(name));
    refresh();
}

void TemplateBar::refresh(const QString &select)
{
    const QStringList list = names();
    QSignalBlocker block(m_list);
    m_list->clear();
    m_list->addItems(list);
    m_list->setCurrentIndex(int(list.indexOf(select)));
    m_rename->setEnabled(!list.isEmpty());
    m_delete->setEnabled(!list.isEmpty());
}

void TemplateBar::report(const QString &error, const QString &success)
{
    m_message->setText(error.isEmpty() ? success : error);
    m_message->setStyleSheet(error.isEmpty() ? QString() : u"color: #c62828;"_s);
}

} // namespace Apinator::Ui
