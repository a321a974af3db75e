// Runs body(0..n-1) on one worker per core (at most 4); the first exception by index is
// rethrown after all workers finished. Callers write results into per-index slots, so the
// outcome does not depend on scheduling.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

namespace dv::app {

inline void parallelFor(std::size_t n, const std::function<void(std::size_t)>& body) {
    std::size_t workers = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
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
    for (std::size_t w = 1; w < workers && w < n; ++w) pool.emplace_back(work);
    work();
    for (auto& th : pool) th.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
}

}  // namespace dv::app
