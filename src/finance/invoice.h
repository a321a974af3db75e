// What an invoice bills, as lines that can be checked by hand and that add up exactly to the
// contribution the funding engine computed (plus resource withdrawals):
//   fixed amount                          1 × fixed
//   per-inhabitant part, per tier         inhabitants in the tier × rate
//   cap / floor                           −1 × (before limits − cap)  /  +1 × (floor − before limits)
//   part of the year                      −1 × (annual − amount)      (months/12, R1)
//   each resource withdrawal              hours × hourly rate
// Negative lines carry a negative quantity and a positive price (EN 16931 BR-27: no negative
// prices). With tiers, the last per-inhabitant line takes the øre the per-tier rounding leaves,
// so the lines always sum to the engine's per-inhabitant part.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "finance/funding.h"
#include "model/model.h"

namespace dv {

struct InvoiceLine {
    enum class Kind { Fixed, PerInhabitant, Cap, Floor, PartOfYear, Withdrawal };
    Kind kind = Kind::Fixed;
    std::int64_t quantityHundredths = 100;  // 1,00; inhabitants × 100; hours × 100
    std::string unit = "C62";               // UN/ECE Rec. 20: C62 one, HUR hour
    Rate unitPrice;                          // ≥ 0
    Money amount;                            // quantity × price, to øre (R1)
    // for the description
    long population = 0;
    int tier = 0;
    long tierFrom = 0;
    std::optional<long> tierTo;
    int months = 12;
    const Withdrawal* withdrawal = nullptr;
};

const char* kindKey(InvoiceLine::Kind k);  // "fast", "innbyggjar", "tak", "golv", "del_av_aar", "uttak"

// Lines for one municipality's contribution and its withdrawals in the year. Empty when it owes
// nothing.
std::vector<InvoiceLine> invoiceLines(const Contribution& c, const Parameters& p,
                                      const std::vector<const Withdrawal*>& withdrawals);

Money linesTotal(const std::vector<InvoiceLine>& lines);

// The withdrawals from the portfolio billed to `kommunenummer` with a date in `year`, in
// portfolio order.
std::vector<const Withdrawal*> withdrawalsFor(const Portfolio& p, const std::string& kommunenummer, int year);

}  // namespace dv
