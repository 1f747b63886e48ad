// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The History page's table on a large history: fills --rows sends (default 100,000) into a
// fresh history.sqlite, then --runs times: open (HistoryStore::open + the model's count),
// first page (a real QTableView shown and painted), scrolling to the end page by page (each
// step painted) and 100 jumps across the list. One JSON line per run, then the medians.
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "history/historymodel.h"

#include <apinator/sqlhistorystore.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Apinator;

namespace {

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[qMin(v.size() - 1, qsizetype(p * double(v.size())))];
}

void print(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// A send as the composer records it: a realistic request with headers, a small JSON body.
HistoryEntry sample(int i)
{
    HistoryEntry e;
    e.profileId = i % 3 ? u"p-dev"_s : u"p-prod"_s;
    e.profileName = i % 3 ? u"Development"_s : u"Production"_s;
    e.event = u"order-%1"_s.arg(i % 50);
    e.channels = {u"private-orders-%1"_s.arg(i % 200)};
    e.data = R"({"order_id":)" + QByteArray::number(i) + R"(,"status":"paid","items":[1,2,3]})";
    e.request = "POST https://ws-eu.apinator.io/apps/123/events\nContent-Type: application/json\n"
                "X-Realtime-Key: app_key_1\nX-Realtime-Timestamp: 1700000000\n"
                "X-Realtime-Signature: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n\n"
                + e.data;
    e.status = i % 17 ? 200 : 401;
    e.responseBody = e.status == 200 ? "{}"_ba : R"({"title":"Unauthorized","detail":"signature mismatch"})"_ba;
    e.elapsedMs = 20 + i % 30;
    if (e.status != 200)
        e.error = u"signature mismatch"_s;
    return e;
}

void paint(QTableView &view)
{
    view.viewport()->repaint();
    QCoreApplication::processEvents();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"rows"_s, u"Sends in the history (default 100000)."_s, u"N"_s, u"100000"_s});
    parser.addOption({u"runs"_s, u"Measured runs (default 5)."_s, u"N"_s, u"5"_s});
    parser.process(app);
    const int rows = parser.value(u"rows"_s).toInt();
    const int runs = qMax(1, parser.value(u"runs"_s).toInt());

    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(u"history.sqlite"_s);
    {
        SqlHistoryStore store;
        if (!store.open(path)) {
            std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(path), qPrintable(store.lastError()));
            return 1;
        }
        QElapsedTimer fill;
        fill.start();
        for (int i = 0; i < rows; ++i) {
            if (!store.add(sample(i))) {
                std::fprintf(stderr, "add failed: %s\n", qPrintable(store.lastError()));
                return 1;
            }
        }
        print({{u"bench"_s, u"history_fill"_s}, {u"rows"_s, rows}, {u"total_ms"_s, ms(fill)},
               {u"per_add_us"_s, ms(fill) * 1000.0 / qMax(1, rows)}});
    }

    QList<double> opens, firstPages, scrolls, stepP99s, stepMaxes, jumpMaxes, totals;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer total;
        total.start();
        QElapsedTimer t;
        t.start();
        SqlHistoryStore store;
        store.open(path);
        Ui::HistoryModel model(&store);
        const double openMs = ms(t);

        t.restart();
        QTableView view;
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 8);
        view.setModel(&model);
        view.resize(1100, 600);
        view.show();
        paint(view);
        const double firstPageMs = ms(t);
        const double openToFirstPage = ms(total);

        // Smooth scrolling: page down to the end, each step painted, as a held PageDown does.
        QScrollBar *bar = view.verticalScrollBar();
        QList<double> steps;
        t.restart();
        QElapsedTimer step;
        while (bar->value() < bar->maximum()) {
            step.start();
            bar->setValue(bar->value() + bar->pageStep());
            paint(view);
            steps << ms(step);
        }
        const double scrollMs = ms(t);
        const bool endShown = model.index(model.rowCount() - 1, 0).isValid()
            && model.idAt(model.rowCount() - 1) == 1;

        // Jumps: the scroll bar dragged to 100 places across the list (offset reads).
        QList<double> jumps;
        for (int k = 0; k <= 100; ++k) {
            step.start();
            bar->setValue(int(qint64(bar->maximum()) * ((k * 37) % 101) / 100));
            paint(view);
            jumps << ms(step);
        }
        opens << openMs;
        firstPages << firstPageMs;
        totals << openToFirstPage;
        scrolls << scrollMs;
        stepP99s << percentile(steps, 0.99);
        stepMaxes << percentile(steps, 1.0);
        jumpMaxes << percentile(jumps, 1.0);
        print({{u"bench"_s, u"history_run"_s},
               {u"run"_s, run + 1},
               {u"rows"_s, model.rowCount()},
               {u"open_ms"_s, openMs},
               {u"first_page_ms"_s, firstPageMs},
               {u"open_to_first_page_ms"_s, openToFirstPage},
               {u"scroll_to_end_ms"_s, scrollMs},
               {u"scroll_steps"_s, int(steps.size())},
               {u"scroll_step_median_ms"_s, median(steps)},
               {u"scroll_step_p99_ms"_s, percentile(steps, 0.99)},
               {u"scroll_step_max_ms"_s, percentile(steps, 1.0)},
               {u"jump_median_ms"_s, median(jumps)},
               {u"jump_max_ms"_s, percentile(jumps, 1.0)},
               {u"end_reached"_s, endShown},
               {u"block_reads"_s, model.blockReads()}});
    }
    print({{u"bench"_s, u"history_summary"_s},
           {u"rows"_s, rows},
           {u"runs"_s, runs},
           {u"open_ms_median"_s, median(opens)},
           {u"first_page_ms_median"_s, median(firstPages)},
           {u"open_to_first_page_ms_median"_s, median(totals)},
           {u"scroll_to_end_ms_median"_s, median(scrolls)},
           {u"scroll_step_p99_ms_median"_s, median(stepP99s)},
           {u"scroll_step_max_ms_median"_s, median(stepMaxes)},
           {u"jump_max_ms_median"_s, median(jumpMaxes)},
           {u"budget_open_ms"_s, 500},
           {u"within_budget"_s, median(totals) < 500}});
    return 0;
}
