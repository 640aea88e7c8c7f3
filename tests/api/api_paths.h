#pragma once

#include <string>

namespace rx::test {

// The API's path prefixes, as the suites address them.
inline const std::string kTracking = "/api/customer-tracking";
inline const std::string kCustomers = kTracking + "/customers";
inline const std::string kContacts = kTracking + "/contacts";
inline const std::string kUpload = kContacts + "/upload";
inline const std::string kRefills = kTracking + "/refill-reminders";
inline const std::string kInsightsModels = kTracking + "/insights/models";

}  // namespace rx::test
