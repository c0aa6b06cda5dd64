# The server's image: docker build -t engine-server .
# Build stage: only what the server's build reads.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY protos/ protos/
COPY seeds/ seeds/
COPY src/Engine.Core/ src/Engine.Core/
COPY src/Engine.Server/ src/Engine.Server/
RUN dotnet publish src/Engine.Server -c Release -o /app

# Runtime stage: the published server on the ASP.NET runtime, as the image's non-root user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# gRPC on 50051, JSON and the page on 8080, the Orleans silo (server to server) on 11111.
# The runtime image's own default (ASPNETCORE_HTTP_PORTS=8080) is cleared: 8080 is the JSON endpoint.
# Listening beyond loopback needs callers' keys (Engine__ApiKeys__NAME, see README) or
# Engine__AllowAnonymous=true; a cluster needs Engine__Cluster__Redis.
ENV ASPNETCORE_HTTP_PORTS= \
    ASPNETCORE_URLS=http://0.0.0.0:50051 \
    Engine__HttpUrl=http://0.0.0.0:8080 \
    Engine__Cluster__SiloPort=11111
EXPOSE 50051 8080 11111
USER $APP_UID
ENTRYPOINT ["dotnet", "Engine.Server.dll"]
