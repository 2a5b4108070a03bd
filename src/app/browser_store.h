// The library's key-value store on top of the platform's persistent storage.
#pragma once

#include "io/library.h"
#include "platform/platform.h"

namespace jm {

class BrowserStore : public KeyValueStore {
public:
    std::optional<std::string> get(const std::string& key) override { return platform::storage_get(key); }
    std::string set(const std::string& key, const std::string& value) override {
        return platform::storage_set(key, value).error;
    }
    std::string remove(const std::string& key) override { return platform::storage_remove(key).error; }
    std::vector<std::string> keys(const std::string& prefix) override { return platform::storage_keys(prefix); }
    bool has(const std::string& key) override { return platform::storage_has(key); }
};

}  // namespace jm
