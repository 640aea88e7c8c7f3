#pragma once

#include "messaging/channel.h"

namespace rx::messaging {

// The implementation of `id`. Every MessageChannel has one: channel_registry.cc switches over
// the enum with no default, so a channel added to MessageChannel fails to compile (-Werror=switch)
// until it is given an implementation here.
const Channel& channel_for(MessageChannel id);

}  // namespace rx::messaging
