// Plain value types of the domain, as read from the inputs. No behaviour beyond lookups;
// the rules live in finance/. Names follow the domain (kommunenummer, målform) where they are
// the domain's own.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "model/buyer_invoicing.h"
#include "model/local_text.h"

namespace dv {

enum class Malform { Nynorsk, Bokmal, Noytral };
// The official written form a document for this recipient is written in (no "neutral").
enum class Language { Nynorsk, Bokmal };

enum class KommuneType { Kommune, Herad };

struct MembershipPeriod {
    Date from;
    std::optional<Date> to;  // open-ended when absent
    bool confirmed = false;  // false: assumed, not confirmed by a source
    std::string note;
};

// The municipality's political and administrative bodies, as its documents must name them.
struct Bodies {
    std::string council;        // "kommunestyre", "heradsstyre", "bystyre" (indefinite form)
    std::string executive;      // "formannskap", "byråd"
    std::string chief;          // "kommunedirektør", "rådmann", "byråd": who signs for the municipality
    bool chiefConfirmed = false;  // false: the statutory title, the municipality's own not confirmed
    std::string note;
};

struct Kommune {
    std::string kommunenummer;   // four digits, kept as text ("4634")
    std::string name;            // "Masfjorden"
    std::string registeredName;  // "MASFJORDEN KOMMUNE", "VOSS HERAD"
    std::string orgnr;           // nine digits, MOD11-checked
    Malform malform = Malform::Nynorsk;
    KommuneType type = KommuneType::Kommune;
    std::string adminCentre;
    std::string website;
    std::optional<std::string> postalAddress;     // unknown when absent
    std::map<Date, long> population;              // population on 1 January of the key's year
    std::vector<MembershipPeriod> memberships;
    std::optional<std::string> iktSamarbeid;      // unknown or none when absent
    bool steeringGroup = false;
    bool host = false;
    Bodies bodies;
    BuyerInvoicing invoicing;  // kommunar.json /kommunar/N/faktura

    bool membershipConfirmed(int year) const;  // every period that touches `year` is confirmed

    std::optional<long> populationOn(const Date& d) const;
};

enum class StrategicArea { Kompetanse, KonseptOgProsjektforslag, FellesDigitaleLoysingar, Samhandling };
enum class Phase { Ide, Konsept, Prosjekt, Innforing, Avslutta };

struct FundingSource {
    std::string kind;  // skjonnsmidlar, ks_tilskot, eigeninnsats, deltakardel, anna
    Money amount;
    LocalText note;
};

struct Withdrawal {  // uttak av ressursar: billable to one municipality
    std::string kommunenummer;
    Date date;
    LocalText description;
    long hundredthsOfHours = 0;  // 7,5 t = 750
    Money hourlyRate;
    bool example = false;  // a made-up example: never billed
    Money amount() const;  // hours × rate, rounded to øre (R1)
};

struct Project {
    std::string id;
    LocalText name;
    StrategicArea area = StrategicArea::Kompetanse;
    LocalText group;  // faggruppe / tenesteområde
    Phase phase = Phase::Ide;
    std::string owner;  // kommunenummer
    std::vector<std::string> participants;
    int fromYear = 0;
    std::optional<int> toYear;
    Money budget;
    std::vector<FundingSource> funding;
    std::vector<Withdrawal> withdrawals;
    std::string source;  // where in the seeds it is named
};

struct Portfolio {
    std::vector<Project> projects;
};

struct Tier {
    std::optional<long> upTo;  // inhabitants up to and including; absent on the last tier
    Rate rate;
};

struct Indexation {
    bool fixed = false;
    bool rate = false;
    bool floor = false;
    bool cap = false;
};

struct SolveFor {  // budget solver: which parameter to find, and the total it must meet
    enum class Parameter { FixedAmount, Rate } parameter = Parameter::FixedAmount;
    Money target;
};

struct FundingModel {
    std::string id;
    LocalText name;
    std::string status;  // "vedteke" or "forslag"
    bool confirmed = true;  // false: the amounts are an assumption, not from a source
    LocalText note;
    int fromYear = 0;
    std::optional<int> toYear;
    int priceYear = 0;  // the year the parameters are stated in
    Money fixed;
    std::vector<Tier> tiers;  // at least one
    std::optional<Money> floor;
    std::optional<Money> cap;
    Indexation indexation;
    bool hostPays = false;
    std::optional<SolveFor> solveFor;
};

struct DeflatorYear {
    int year = 0;
    int basisPoints = 0;  // 4,30 % = 430
    std::string source;
};

struct Party {
    std::string name;
    std::string orgnr;
    std::string address;
    std::string postcode;
    std::string city;
    std::string account;  // bank account number, 11 digits
    bool accountConfirmed = false;  // false: a test value; invoices made with it are test invoices
    std::string contact;
    std::string email;
};

struct BudgetNeed {
    int year = 0;
    Money amount;
    std::string source;
};

struct StaffRole {  // the secretariat's staffing
    LocalText role;
    int hundredthsFte = 0;  // årsverk × 100
};

struct NationalSeat {  // a seat the cooperation holds in KS' national bodies
    LocalText resource;
    LocalText body;
};

struct VersionEntry {  // the knowledge base's version log
    std::string version;
    std::optional<Date> date;
    LocalText anchoring;
    LocalText changes;
    LocalText responsible;
};

struct Resources {
    std::vector<StaffRole> staff;
    int groupWorkHundredthsFte = 0;  // of the staff, the work for the professional groups
    int eHealthStaff = 0;            // the separate e-health secretariat (funded by KS)
    std::vector<NationalSeat> seats;
    std::string source;
};

struct Projection {
    int years = 0;
    int basisPoints = 0;  // deflator assumed for the years beyond the series
    Indexation indexation;
    LocalText note;
};

// An agreement of the cooperation: the one in force 2021–2024, a draft on hearing, the one of 2025.
struct Agreement {
    std::string id;
    std::string status;              // "vedteke" or "utkast"
    Date from;                       // in force from
    std::optional<Date> to;          // open-ended when absent
    Date feesFrom;                   // the first day members pay
    std::string organisationModel;   // "vertskommune" or "oppgavefellesskap"
    LocalText legalBasis;            // "kommunelova kapittel 20"; empty when the sources give none
    std::string fundingModel;        // id of its funding model
    std::string note;
};

// What documents are made for: a hearing of a draft agreement or a decision round on one.
struct Occasion {
    enum class Kind { Hearing, Decision } kind = Kind::Hearing;
    std::string id;                  // "hoyring-2024", "vedtak-2025"
    std::string agreement;           // id of the agreement it is about
    Date documentDate;               // the date the letters are dated
    Date deadline;                   // comments (hearing) or council decisions (decision round) by
    std::optional<Date> hostDecision;  // decision round: the host council's decision inviting the others
    LocalText finalTextWhen;         // hearing: when the final text follows ("i starten av september 2024")
    std::vector<LocalText> questions;  // hearing: what is asked
    std::vector<int> years;          // the budget years whose amounts the documents show
    std::string returnTo;            // where answers, decisions and signed agreements go
    std::string note;
};

struct Settings {
    std::string name;  // "DigiVestland"
    int defaultYear = 0;
    Party host;
    std::vector<FundingModel> models;
    std::string proposedModel;  // id of the proposed model
    std::vector<DeflatorYear> deflator;
    Projection projection;
    std::vector<BudgetNeed> budgetNeeds;
    Language neutralLanguage = Language::Nynorsk;  // for neutral municipalities
    Language sharedLanguage = Language::Bokmal;    // for shared documents
    std::vector<Agreement> agreements;
    std::vector<Occasion> occasions;
    std::string defaultOccasion;
    std::map<Date, Date> assumedPopulation;  // a 1 January with no figure → the figure assumed in its place
    LocalText assumedPopulationNote;
    int knowledgeBaseYear = 0;           // the budget year the knowledge base's figures are for
    Date documentDate;                   // the knowledge base's date
    std::string knowledgeBaseOccasion;   // the hearing it goes out with
    // What the knowledge base's source states about the whole membership when the inputs cannot
    // name the municipalities (seed 000: 40 members on 1 January 2024, which three were not is
    // not said; 25 of them in three named IKT cooperations, five more in a pilot).
    struct SourcedCount {
        Date date;
        int count = 0;
        std::string source;
    };
    std::optional<SourcedCount> memberCount;
    std::vector<std::string> iktCooperations;  // the formally established ones, by name
    int iktMemberCount = -1;                   // members in one of them (-1: not given)
    int iktPilotCount = -1;                    // further municipalities in a pilot (-1: not given)
    int paymentDays = 30;
    int reminderDays = 14;                   // /faktura/purring_dagar: a reminder once an invoice is this long overdue, and again after as long
    std::string vatCategory = "O";          // EN 16931: O not subject to VAT (default) or E exempt
    std::map<int, Date> invoiceDates;        // invoice date per budget year
    std::string kidMethod;  // "MOD10" or "MOD11"
    std::string organisationModel;  // the knowledge base's: "vertskommune" or "oppgavefellesskap"
    std::string ledgerPath;
    Resources resources;
    std::vector<VersionEntry> versionLog;
    std::vector<LocalText> notes;

    const FundingModel* modelForYear(int year) const;
    const FundingModel* modelById(const std::string& id) const;
    std::optional<int> deflatorFor(int year) const;
    std::optional<Money> budgetNeedFor(int year) const;
    const Agreement* agreementById(const std::string& id) const;
    const Agreement* agreementForYear(int year) const;  // the adopted agreement in force in `year`
    const Occasion* occasionById(const std::string& id) const;
};

struct Inputs {
    std::string kommunarFile = "kommunar.json";  // paths as given, for diagnostics
    std::string portfolioFile = "portefolje.json";
    std::string settingsFile = "samarbeid.json";
    std::vector<Kommune> kommunar;
    Portfolio portfolio;
    Settings settings;
    std::vector<LocalText> dataNotes;  // what the data says it does not know

    const Kommune* kommune(const std::string& nr) const;
};

}  // namespace dv
