// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <optional>

#include <apinator/webhookcapture.h>

namespace Apinator {

// The receiver's captures in the console's history database (DATA_DIR/history.sqlite,
// table webhook_captures, WAL), so they survive restarts. Keeps the newest maxCount.
class WebhookCaptureStore final
{
    Q_DISABLE_COPY_MOVE(WebhookCaptureStore)
public:
    static constexpr int DefaultMaxCount = 1000;

    explicit WebhookCaptureStore(int maxCount = DefaultMaxCount);
    ~WebhookCaptureStore();

    // Creates the folder and the table; false with *error set.
    bool open(const QString &dataDir, QString *error = nullptr);
    bool isOpen() const;
    void close();

    // Stores the capture and sets its id; the oldest beyond maxCount are dropped. False on a
    // database error (the capture stays in memory only).
    bool add(WebhookCapture &capture);
    // Oldest first, at most the newest `limit`.
    QList<WebhookCapture> list(int limit = DefaultMaxCount) const;
    std::optional<WebhookCapture> get(qint64 id) const;
    int count() const;
    void clear();
    QString lastError() const { return m_lastError; }

private:
    QString m_connection;
    int m_maxCount;
    mutable QString m_lastError;
};

} // namespace Apinator
