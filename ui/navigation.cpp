// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "navigation.h"

#include "widgets/icons.h"

#include <QAction>
#include <QListWidget>
#include <QStackedWidget>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {
constexpr int IdRole = Qt::UserRole;
constexpr int MaxShortcuts = 9;
} // namespace

Navigation::Navigation(QWidget *parent)
    : QObject(parent)
    , m_list(new QListWidget(parent))
    , m_stack(new QStackedWidget(parent))
{
    m_list->setObjectName(u"navigationList"_s);
    m_list->setAccessibleName(tr("Pages"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setUniformItemSizes(true);
    m_stack->setObjectName(u"pageStack"_s);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_entries.size())
            return;
        m_stack->setCurrentWidget(m_holdBuilds ? shown(row) : build(row));
        Q_EMIT currentChanged(m_entries.at(row).id);
    });
}

void Navigation::addPage(const QString &id, const QString &title, const QString &iconName, int order,
                         QWidget *page)
{
    insert(Entry{id, order, page, nullptr, {}}, title, iconName);
}

void Navigation::addPage(const QString &id, const QString &title, const QString &iconName, int order,
                         PageFactory factory)
{
    insert(Entry{id, order, nullptr, nullptr, std::move(factory)}, title, iconName);
}

void Navigation::insert(Entry entry, const QString &title, const QString &iconName)
{
    const QString id = entry.id;
    auto *action = new QAction(icon(iconName), title, this);
    action->setObjectName(u"goTo_"_s + id);
    connect(action, &QAction::triggered, this, [this, id] { showPage(id); });
    entry.action = action;
    const auto at = std::upper_bound(m_entries.begin(), m_entries.end(), entry.order,
                                     [](int o, const Entry &e) { return o < e.order; });
    const int row = int(at - m_entries.begin());
    QWidget *page = entry.page;
    m_entries.insert(at, std::move(entry));
    auto *item = new QListWidgetItem(icon(iconName), title);
    item->setData(IdRole, id);
    m_list->insertItem(row, item);
    if (page)
        m_stack->addWidget(page);
    renumber();
    // The list is as tall as its entries: pages are few, the profiles get the rest. Every
    // row is one line of text beside a 24 px icon: the first one's height is all of them.
    if (m_rowHeight == 0)
        m_rowHeight = qMax(m_list->sizeHintForRow(0), m_list->fontMetrics().height() + 8);
    m_list->setFixedHeight(m_rowHeight * m_list->count() + 2 * m_list->frameWidth());
    if (m_list->currentRow() < 0)
        m_list->setCurrentRow(0);
}

void Navigation::renumber()
{
    for (int i = 0; i < m_entries.size(); ++i) {
        QAction *action = m_entries.at(i).action;
        const QKeySequence key = i < MaxShortcuts ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)) : QKeySequence();
        action->setShortcut(key);
        QListWidgetItem *item = m_list->item(i);
        const QString title = action->text();
        item->setToolTip(key.isEmpty() ? title : u"%1 (%2)"_s.arg(title, key.toString(QKeySequence::NativeText)));
    }
}

QList<QAction *> Navigation::actions() const
{
    QList<QAction *> out;
    for (const Entry &e : m_entries)
        out << e.action;
    return out;
}

QString Navigation::currentId() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).id : QString();
}

QStringList Navigation::pageIds() const
{
    QStringList out;
    for (const Entry &e : m_entries)
        out << e.id;
    return out;
}

bool Navigation::showPage(const QString &id)
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QWidget *Navigation::page(const QString &id)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id)
            return build(i);
    }
    return nullptr;
}

void Navigation::holdBuilds(bool hold)
{
    m_holdBuilds = hold;
    const int row = m_list->currentRow();
    if (!hold && row >= 0 && row < m_entries.size())
        m_stack->setCurrentWidget(build(row));
}

bool Navigation::isBuilt(const QString &id) const
{
    for (const Entry &e : m_entries) {
        if (e.id == id)
            return !e.factory;
    }
    return false;
}

QWidget *Navigation::build(qsizetype index)
{
    Entry &entry = m_entries[index];
    if (!entry.factory)
        return entry.page;
    // Taken out first: a factory that asks for its own page must not run twice.
    const PageFactory factory = std::exchange(entry.factory, {});
    QWidget *page = factory();
    m_entries[index].page = page;
    m_stack->addWidget(page);
    if (m_blank && m_stack->currentWidget() == m_blank && m_list->currentRow() == index)
        m_stack->setCurrentWidget(page);
    return page;
}

QWidget *Navigation::shown(qsizetype index)
{
    if (QWidget *page = m_entries.at(index).page)
        return page;
    // One empty page stands in for every page not built yet (builds are held).
    if (!m_blank) {
        m_blank = new QWidget(m_stack);
        m_blank->setObjectName(u"unbuiltPage"_s);
        m_stack->addWidget(m_blank);
    }
    return m_blank;
}

} // namespace Apinator::Ui
