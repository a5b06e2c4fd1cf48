# The hub's web process (and, with another entry point, the grain-only node).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Web -c Release -o /out/web && dotnet publish src/Silo -c Release -o /out/silo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /out/web ./
COPY --from=build /out/silo /silo
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "Haarlem.Initiatives.Web.dll"]
