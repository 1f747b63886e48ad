// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QListWidget;
class QMenu;
class QStackedWidget;
class QWidget;

namespace Apinator::Ui {

// The pages of the window: a list to pick one, a stack that shows it, and one action
// per page with Ctrl+1..Ctrl+9 in page order. Only pages that exist are added: a feature
// that is not built has no entry. Pages register with an order, so later ones
// (Trigger 10, Channels 20, Auth 30, Webhooks 40, Monitor 50, History 60) take
// Ctrl+1..Ctrl+6 and Profiles (90) follows them.
class Navigation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Navigation)
public:
    explicit Navigation(QWidget *parent);

    void addPage(const QString &id, const QString &title, const QString &iconName, int order, QWidget *page);

    QListWidget *list() const { return m_list; }
    QStackedWidget *stack() const { return m_stack; }
    // The Go menu's entries, one per page, in order.
    QList<QAction *> actions() const;

    QString currentId() const;
    QStringList pageIds() const;
    // False when no page has that id (the current page stays).
    bool showPage(const QString &id);
    QWidget *page(const QString &id) const;

Q_SIGNALS:
    void currentChanged(const QString &id);

private:
    struct Entry
    {
        QString id;
        int order = 0;
        QWidget *page = nullptr;
        QAction *action = nullptr;
    };
    void renumber();

    QList<Entry> m_entries; // sorted by order
    QListWidget *m_list;
    QStackedWidget *m_stack;
};

} // namespace Apinator::Ui
