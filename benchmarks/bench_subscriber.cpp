// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The subscriber run-all.sh attaches to the sandbox while wrk triggers, so that wrk's
// figure is like for like with `apinatorctl bench trigger`, which makes the sandbox fan
// every event out to its own subscriber. Same code as that one (BurstSubscriber).
//
//   bench_subscriber WS_URL CHANNEL EVENT
//
// stdout: {"subscribed": CHANNEL} once subscribed, then {"received": N} on SIGTERM or
// SIGINT, N counting the messages that carry "EVENT" and "CHANNEL" (quoted). Exit 0;
// 1 when the subscription failed or the connection was lost (the reason on stderr).
#include <apinator/burstsubscriber.h>

#include <QCoreApplication>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

volatile std::sig_atomic_t stopRequested = 0;

void onStopSignal(int)
{
    stopRequested = 1;
}

} // namespace

int main(int argc, char *argv[])
{
    // Qt's own event dispatcher, as apinatorctl uses for its load-bearing commands.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        std::fputs("usage: bench_subscriber WS_URL CHANNEL EVENT\n", stderr);
        return 2;
    }
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);

    Apinator::BurstSubscriber subscriber;
    const QByteArray channel = args.at(2).toUtf8();
    subscriber.setMatch({'"' + args.at(3).toUtf8() + '"', '"' + channel + '"'});
    QObject::connect(&subscriber, &Apinator::BurstSubscriber::subscribed, &app, [&channel] {
        std::printf("{\"subscribed\": \"%s\"}\n", channel.constData());
        std::fflush(stdout);
    });
    QObject::connect(&subscriber, &Apinator::BurstSubscriber::failed, &app, [&subscriber](const QString &message) {
        std::fprintf(stderr, "bench_subscriber: %s\n", qPrintable(message));
        if (subscriber.isSubscribed()) // what arrived until then still counts
            std::printf("{\"received\": %lld}\n", static_cast<long long>(subscriber.count()));
        QCoreApplication::exit(1);
    });
    // A signal handler may only set a flag: this timer turns it into the final line.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&subscriber] {
        if (!stopRequested)
            return;
        std::printf("{\"received\": %lld}\n", static_cast<long long>(subscriber.count()));
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    poll.start(50);
    subscriber.subscribe(args.at(1), args.at(2));
    return QCoreApplication::exec();
}
