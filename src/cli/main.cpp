#include <iostream>
#include <string>
#include <vector>

#include "app/app.h"

int main(int argc, char** argv) {
    return dv::app::run(std::vector<std::string>(argv + 1, argv + argc), std::cerr);
}
