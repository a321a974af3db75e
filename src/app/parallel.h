// Parallel loops for the app's rendering: results land in per-index slots or are consumed in
// index order, so the outcome never depends on scheduling.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace dv::app {

// Workers for `n` items: one per core, at most 4.
inline std::size_t workerCount(std::size_t n) {
    std::size_t cores = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    return std::max<std::size_t>(1, std::min(cores, n));
}

// Runs body(0..n-1) on one worker per core; the first exception by index is rethrown after all
// workers finished. Callers write results into per-index slots.
inline void parallelFor(std::size_t n, const std::function<void(std::size_t)>& body) {
    std::vector<std::exception_ptr> errors(n);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next++) < n;) {
            try {
                body(i);
            } catch (...) {
                errors[i] = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t w = 1; w < workerCount(n); ++w) pool.emplace_back(work);
    work();
    for (auto& th : pool) th.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
}

// produce(i) on one worker per core, at most `window` items ahead of the consumer; consume(i) on
// the calling thread in index order, each as soon as its item is produced (writing overlaps
// rendering, and memory holds at most `window` items). The first exception by index, thrown by
// either, is rethrown once the workers stopped; nothing after it is consumed.
inline void orderedPipeline(std::size_t n, std::size_t window, const std::function<void(std::size_t)>& produce,
                            const std::function<void(std::size_t)>& consume) {
    std::mutex m;
    std::condition_variable changed;
    std::vector<char> done(n, 0);
    std::vector<std::exception_ptr> errors(n);
    std::size_t next = 0, consumed = 0;
    bool stop = false;
    auto work = [&] {
        for (;;) {
            std::size_t i;
            {
                std::unique_lock<std::mutex> g(m);
                changed.wait(g, [&] { return stop || next >= n || next < consumed + window; });
                if (stop || next >= n) return;
                i = next++;
            }
            std::exception_ptr e;
            try {
                produce(i);
            } catch (...) {
                e = std::current_exception();
            }
            std::lock_guard<std::mutex> g(m);
            errors[i] = e;
            done[i] = 1;
            changed.notify_all();
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t w = 0; w < workerCount(n); ++w) pool.emplace_back(work);
    std::exception_ptr failure;
    for (std::size_t i = 0; i < n && !failure; ++i) {
        {
            std::unique_lock<std::mutex> g(m);
            changed.wait(g, [&] { return done[i] != 0; });
            failure = errors[i];
        }
        if (!failure) {
            try {
                consume(i);
            } catch (...) {
                failure = std::current_exception();
            }
        }
        std::lock_guard<std::mutex> g(m);
        consumed = i + 1;
        if (failure) stop = true;
        changed.notify_all();
    }
    for (auto& th : pool) th.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace dv::app
