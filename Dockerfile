# syntax=docker/dockerfile:1
# The control centre's image: one silo with its APIs, live feed, wall and portal (k8s/ runs it).
#   docker build -t controlcenter:dev .
# Not built in this repository's CI: no container engine or base-image registry is reachable there. The test
# PublishedHostTests starts the same `dotnet publish` output the way this image does (k8s/README.md).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The wall's map library (Leaflet) is installed from the npm registry by the Host's build (npm ci).
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Restore first, from the project files alone, so a change of code does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ControlCenter.Domain/ControlCenter.Domain.csproj src/ControlCenter.Domain/
COPY src/ControlCenter.Contracts/ControlCenter.Contracts.csproj src/ControlCenter.Contracts/
COPY src/ControlCenter.Grains/ControlCenter.Grains.csproj src/ControlCenter.Grains/
COPY src/ControlCenter.Storage/ControlCenter.Storage.csproj src/ControlCenter.Storage/
COPY src/ControlCenter.Scenarios/ControlCenter.Scenarios.csproj src/ControlCenter.Scenarios/
COPY src/ControlCenter.Host/ControlCenter.Host.csproj src/ControlCenter.Host/package.json src/ControlCenter.Host/package-lock.json src/ControlCenter.Host/
RUN dotnet restore src/ControlCenter.Host/ControlCenter.Host.csproj
COPY src/ src/
# The publish output holds everything the host reads at run time: the Hanoi catalogue (Catalog/hanoi.json), the
# drills' scenario files (Scenarios/Files), the e-government sample (Egov/), the wall's and MudBlazor's static files
# (wwwroot, wwwroot/_content) and the Vietnamese and English resources.
RUN dotnet publish src/ControlCenter.Host/ControlCenter.Host.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# Owned by root and read-only to the app user: the process cannot change its own code.
COPY --from=build /app ./
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080 \
    DOTNET_NOLOGO=1
# HTTP, Orleans silo-to-silo, Orleans gateway, MQTT.
EXPOSE 8080 11111 30000 1883
# The image's non-root `app` user (uid 1654); k8s/ runs it with a read-only root filesystem.
USER $APP_UID
ENTRYPOINT ["dotnet", "ControlCenter.Host.dll"]
