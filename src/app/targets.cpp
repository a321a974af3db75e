#include "app/targets.h"

#include <regex>

namespace dv::app {

std::string targetScope(const std::string& target, int year) {
    if (target == "fakturaer" || target == "arbeidsbok" || target == "innbetalingar" || target == "purringar")
        return target + " " + std::to_string(year);
    return target;
}

std::string targetOfPath(const std::string& relPath) {
    static const std::regex workbook(R"(arbeidsbok/finansiering-(\d{4})\.xlsx)");
    static const std::regex yearly(R"((fakturaer|innbetalingar|purringar)/(\d{4})/.*)");
    std::smatch m;
    if (std::regex_match(relPath, m, workbook)) return "arbeidsbok " + m[1].str();
    if (std::regex_match(relPath, m, yearly)) return m[1].str() + " " + m[2].str();
    const std::string folder = relPath.substr(0, relPath.find('/'));
    if (folder == relPath) return "";  // a file at the top of OUT
    if (folder == "kunnskapsgrunnlag" || folder == "avtalar" || folder == "saksframlegg" || folder == "forsendingar" || folder == "oppfolging") return folder;
    if (folder == "folgjebrev" || folder == "hoyringspakkar") return "hoyringspakkar";
    return "";
}

}  // namespace dv::app
