#include "invoicing/record.h"

#include <sstream>

#include "core/text.h"
#include "backends/ehf/ehf.h"
#include "core/sha256.h"

namespace dv::invoicing {

std::vector<std::string> recordHashes(ledger::Ledger& book, const std::vector<ledger::Invoice>& all,
                                      const std::vector<Rendered>& docs) {
    std::vector<std::string> notes;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const ledger::Invoice& inv = all[i];
        const std::string pdfSha = sha256Hex(docs[i].pdf), xmlSha = sha256Hex(docs[i].xml);
        if (inv.pdfSha256.empty()) book.setHashes(inv.id, pdfSha, xmlSha);
        else if (inv.pdfSha256 != pdfSha || inv.xmlSha256 != xmlSha)
            notes.push_back(inv.type + " " + inv.number +
                            " renders differently from when it was issued (templates or wording changed); the ledger keeps the issued hashes");
    }
    return notes;
}

std::string lineExportCsv(const Inputs& in, const std::vector<ledger::Invoice>& all) {
    std::ostringstream csv;
    csv << "\xEF\xBB\xBF"
        << "fakturanummer;type;krediterer;kommunenummer;kunde_orgnr;fakturadato;forfallsdato;kid;linje;skildring;"
           "mengd;eining;einingspris;belop;fakturasum\r\n";
    for (const ledger::Invoice& inv : all) {
        const Kommune& k = *in.kommune(inv.kommunenummer);
        for (const ledger::Line& l : inv.lines)
            csv << inv.number << ';' << inv.type << ';' << inv.credits << ';' << inv.kommunenummer << ';' << k.orgnr << ';'
                << inv.issueDate << ';' << inv.dueDate << ';' << inv.kid << ';' << l.lineNo << ';' << csvText(l.description) << ';'
                << ehf::amount(Money::ore(l.quantityHundredths)) << ';' << l.unit << ';'
                << Rate::micro(l.unitPriceMicro).toDecimalString() << ';' << ehf::amount(Money::ore(l.amountOre)) << ';'
                << ehf::amount(Money::ore(inv.totalOre)) << "\r\n";
    }
    return csv.str();
}

}  // namespace dv::invoicing
