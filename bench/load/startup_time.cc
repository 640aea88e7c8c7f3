// Start-up time of `rxtrack serve` on an existing database: from exec to the first 200 from
// /healthz (which makes a round trip to the database), RUNS times; prints each and the median.
//   RXTRACK_DB=URL startup_time BIN RUNS
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr auto kGiveUpAfter = std::chrono::seconds(30);

// A port nobody listens on right now (the kernel's pick for port 0, released again).
int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    std::perror("free port");
    std::exit(1);
  }
  close(fd);
  return ntohs(address.sin_port);
}

// Milliseconds from fork+exec to the first healthy answer, or a negative number on failure.
double one_start(const std::string& binary, int port) {
  const std::string listen = "127.0.0.1:" + std::to_string(port);
  const auto started = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child == 0) {
    if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(127);
    // The database comes from RXTRACK_DB; --web-dir points at a folder without the web app.
    execl(binary.c_str(), binary.c_str(), "serve", "--listen", listen.c_str(), "--no-scheduler",
          "--web-dir", "/nonexistent", static_cast<char*>(nullptr));
    _exit(127);
  }
  double elapsed = -1;
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(std::chrono::milliseconds(100));
  while (std::chrono::steady_clock::now() - started < kGiveUpAfter) {
    if (auto answer = client.Get("/healthz"); answer && answer->status == 200) {
      elapsed =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
      break;
    }
    int status = 0;
    if (waitpid(child, &status, WNOHANG) == child) return -1;  // it exited
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  kill(child, SIGTERM);
  int status = 0;
  waitpid(child, &status, 0);
  return elapsed;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 || !std::getenv("RXTRACK_DB")) {
    std::fprintf(stderr, "usage: RXTRACK_DB=URL %s BIN RUNS\n", argv[0]);
    return 2;
  }
  const int runs = std::max(1, std::atoi(argv[2]));
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const double ms = one_start(argv[1], free_port());
    if (ms < 0) {
      std::fprintf(stderr, "startup_time: rxtrack serve did not answer /healthz\n");
      return 1;
    }
    times.push_back(ms);
  }
  std::printf("runs_ms");
  for (double t : times) std::printf(" %.1f", t);
  std::sort(times.begin(), times.end());
  std::printf("\nmedian_ms %.1f\n", times[times.size() / 2]);
  return 0;
}
