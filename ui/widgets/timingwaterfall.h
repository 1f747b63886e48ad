// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/httpclient.h>

#include <QWidget>

namespace Apinator::Ui {

// The phases of one HTTP exchange as bars on a shared time axis, like a browser's
// network panel: name lookup, connect, TLS, waiting for the first byte, download.
class TimingWaterfall final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimingWaterfall)
public:
    explicit TimingWaterfall(QWidget *parent = nullptr);

    void setTimings(const HttpTimings &timings);
    void clear();

    struct Phase
    {
        QString name;
        double start = 0; // ms
        double end = 0;
    };
    // The phases that happened, in order (a reused connection has no lookup or connect).
    const QList<Phase> &phases() const { return m_phases; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Phase> m_phases;
    double m_total = 0;
};

} // namespace Apinator::Ui
