# syntax=docker/dockerfile:1
# nag in a container: the self-contained binary of scripts/build-release on a slim Debian.
#   docker build --build-arg NAG_COMMIT="$(git rev-parse --short HEAD)" -t nag .
#   docker run --rm -v "$PWD:/src" nag cdk.out/
# scripts/check-container-build replays the build stage outside Docker and runs its binary in a root
# filesystem that holds nothing but the C library; the README's Docker section says what it does not check.

# ---- build ----
FROM swift:6.3-bookworm AS build
RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get -q update \
    && apt-get -q install -y --no-install-recommends libyaml-dev libjemalloc-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# Dependencies first, so this layer stays cached while only the sources change.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
COPY scripts/build-release ./scripts/build-release
ARG NAG_COMMIT=unknown
RUN scripts/build-release --scratch-path .build-release --output out/nag --commit "$NAG_COMMIT"

# ---- run ----
# The binary needs only glibc (2.36 here, the build image's), so any slim glibc image serves; Debian's
# keeps a shell, which CI systems that run steps inside the image need.
FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin nag
COPY --from=build --chown=root:root /build/out/nag /usr/local/bin/nag
USER nag
WORKDIR /src
ENTRYPOINT ["nag"]
