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
    m_stack->setObjectName(u"pageStack"_s);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_entries.size())
            return;
        m_stack->setCurrentWidget(m_entries.at(row).page);
        Q_EMIT currentChanged(m_entries.at(row).id);
    });
}

void Navigation::addPage(const QString &id, const QString &title, const QString &iconName, int order,
                         QWidget *page)
{
    auto *action = new QAction(icon(iconName), title, this);
    action->setObjectName(u"goTo_"_s + id);
    connect(action, &QAction::triggered, this, [this, id] { showPage(id); });
    const auto at = std::upper_bound(m_entries.begin(), m_entries.end(), order,
                                     [](int o, const Entry &e) { return o < e.order; });
    const int row = int(at - m_entries.begin());
    m_entries.insert(at, Entry{id, order, page, action});
    auto *item = new QListWidgetItem(icon(iconName), title);
    item->setData(IdRole, id);
    m_list->insertItem(row, item);
    m_stack->addWidget(page);
    renumber();
    // The list is as tall as its entries: pages are few, the profiles get the rest.
    const int rowHeight = qMax(m_list->sizeHintForRow(0), m_list->fontMetrics().height() + 8);
    m_list->setFixedHeight(rowHeight * m_list->count() + 2 * m_list->frameWidth());
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

QWidget *Navigation::page(const QString &id) const
{
    for (const Entry &e : m_entries) {
        if (e.id == id)
            return e.page;
    }
    return nullptr;
}

} // namespace Apinator::Ui
