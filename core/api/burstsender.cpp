// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/burstsender.h>

#include "burstengine.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Apinator {

BurstSender::BurstSender(Credentials credentials, QByteArray path, QObject *parent)
    : QObject(parent)
    , m_credentials(std::move(credentials))
    , m_path(std::move(path))
{
}

BurstSender::~BurstSender() = default;

QString BurstSender::unsupportedReason(const QString &baseUrl)
{
#ifndef Q_OS_LINUX
    Q_UNUSED(baseUrl);
    return u"the lean HTTP/1.1 engine needs Linux (epoll)"_s;
#else
    const QUrl url(baseUrl);
    if (url.scheme() != u"http")
        return u"the lean HTTP/1.1 engine speaks plain http:// only"_s;
    if (url.host().isEmpty())
        return u"the base URL has no host"_s;
    return {};
#endif
}

bool BurstSender::start(int concurrency, Source source, Sink sink, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (d)
        return fail(u"this sender has already started"_s);
    if (concurrency < 1)
        return fail(u"concurrency must be at least 1"_s);
    if (const QString e = m_credentials.restError(); !e.isEmpty())
        return fail(e);
    const QString baseUrl = m_credentials.restBaseUrl();
    if (const QString e = unsupportedReason(baseUrl); !e.isEmpty())
        return fail(e);
    if (!m_path.startsWith('/'))
        return fail(u"path must start with '/'"_s);
    const QByteArray key = m_credentials.key.toUtf8(); // named: it must outlive the loop
    for (const QByteArrayView bytes : {QByteArrayView(m_path), QByteArrayView(key)}) {
        for (char c : bytes) {
            if (uchar(c) <= 0x20 || uchar(c) >= 0x7f)
                return fail(u"the path and key must be printable ASCII without spaces"_s);
        }
    }
#ifdef Q_OS_LINUX
    auto engine = std::make_unique<BurstEngine>(this, m_credentials, m_path);
    engine->timeoutMs = m_timeoutMs;
    engine->clock = m_clock;
    QString e;
    if (!engine->open(baseUrl, concurrency, std::move(source), std::move(sink), &e))
        return fail(e);
    d = std::move(engine);
    d->begin();
    if (error)
        error->clear();
    return true;
#else
    Q_UNUSED(source);
    Q_UNUSED(sink);
    return fail(unsupportedReason(baseUrl));
#endif
}

// d stays null where the engine cannot run: nothing is ever in flight there.
int BurstSender::inFlight() const
{
    return d ? d->inFlight : 0;
}

qint64 BurstSender::connectionsOpened() const
{
    return d ? d->opened : 0;
}

} // namespace Apinator
