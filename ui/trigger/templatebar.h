// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "trigger/triggerdraft.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace Apinator::Ui {

class TriggerStore;

// Saved events of the current profile: pick one to load it; save the composer under
// the typed name (the same name replaces it); rename or delete the selected one.
class TemplateBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplateBar)
public:
    TemplateBar(TriggerStore *store, std::function<TriggerDraft()> current, QWidget *parent = nullptr);

    void setProfile(const QString &profileId);
    QStringList names() const;
    QString message() const;

    void saveAs(const QString &name);
    void load(const QString &name);
    void rename(const QString &from, const QString &to);
    void remove(const QString &name);

Q_SIGNALS:
    void loadRequested(const TriggerDraft &draft);

private:
    void refresh(const QString &select = {});
    void report(const QString &error, const QString &success);

    TriggerStore *m_store;
    std::function<TriggerDraft()> m_current;
    QString m_profileId;
    QComboBox *m_list;
    QLineEdit *m_name;
    QToolButton *m_save;
    QToolButton *m_rename;
    QToolButton *m_delete;
    QLabel *m_message;
};

} // namespace Apinator::Ui
