// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

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
    // A page built the first time it is shown (or asked for with page()): the window opens
    // without paying for pages the user has not visited. The factory's widget is reparented
    // into the stack.
    using PageFactory = std::function<QWidget *()>;
    void addPage(const QString &id, const QString &title, const QString &iconName, int order, PageFactory factory);

    QListWidget *list() const { return m_list; }
    QStackedWidget *stack() const { return m_stack; }
    // The Go menu's entries, one per page, in order.
    QList<QAction *> actions() const;

    QString currentId() const;
    QStringList pageIds() const;
    // False when no page has that id (the current page stays).
    bool showPage(const QString &id);
    // The page, built now if it was lazy; nullptr when no page has that id.
    QWidget *page(const QString &id);
    // True when the page exists and has been built.
    bool isBuilt(const QString &id) const;
    // While held, becoming current does not build a lazy page: the window holds builds while
    // it registers its pages and restores the last one, so only that one is built.
    // Releasing builds the current page.
    void holdBuilds(bool hold);

Q_SIGNALS:
    void currentChanged(const QString &id);

private:
    struct Entry
    {
        QString id;
        int order = 0;
        QWidget *page = nullptr; // nullptr until factory has run
        QAction *action = nullptr;
        PageFactory factory;     // empty once built
    };
    void insert(Entry entry, const QString &title, const QString &iconName);
    void renumber();
    QWidget *build(qsizetype index);
    // What the stack shows for a row while builds are held.
    QWidget *shown(qsizetype index);

    QList<Entry> m_entries; // sorted by order
    bool m_holdBuilds = false;
    QListWidget *m_list;
    QStackedWidget *m_stack;
    QWidget *m_blank = nullptr; // shown for a page not built yet, while builds are held
    int m_rowHeight = 0;
};

} // namespace Apinator::Ui
