using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Haarlem.Initiatives.Grains.Access;

namespace Haarlem.Initiatives.Web.Tests.Support;

/// <summary>Sends GraphQL over HTTP as any client would: a JSON POST to /graphql.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    private readonly Lock _gate = new();
    private Task<GraphQLClient>? _signIn;

    public HttpClient Http => http;

    /// <summary>Acts as <paramref name="actor"/> from now on: a bearer token from the development sign-in.</summary>
    public async Task<GraphQLClient> SignIn(Actor actor)
    {
        using var response = await http.PostAsJsonAsync("/auth/dev/token", new
        {
            userId = actor.UserId,
            name = actor.Name,
            roles = actor.Roles.Select(r => r.ToString().ToLowerInvariant()),
            neighbourhoodCode = actor.NeighbourhoodCode,
        });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return this;
    }

    /// <summary>
    /// Signs in as <paramref name="actor"/> unless this client already does: once, also when many
    /// callers ask at the same time (they all wait for the one sign-in before they send).
    /// </summary>
    public Task<GraphQLClient> EnsureSignedIn(Actor actor)
    {
        lock (_gate)
        {
            return _signIn ??= SignIn(actor);
        }
    }

    /// <summary>What the client accepts, as current GraphQL clients send it; null sends no Accept header.</summary>
    public string? Accept { get; init; } = "application/graphql-response+json, application/json;q=0.9";

    public async Task<GraphQLResponse> Send(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        return await Send(request);
    }

    private async Task<GraphQLResponse> Send(HttpRequestMessage request)
    {
        if (Accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", Accept);
        }

        using var response = await http.SendAsync(request);
        return await GraphQLResponse.From(response);
    }

    public async Task<GraphQLResponse> SendRaw(string body, string contentType = "application/json")
    {
        var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        return await Send(request);
    }

    public async Task<GraphQLResponse> Get(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(query)}");
        return await Send(request);
    }
}

public sealed record GraphQLResponse(HttpStatusCode Status, JsonNode Body)
{
    public JsonNode? Data => Body["data"];

    public JsonArray? Errors => Body["errors"] as JsonArray;

    public static async Task<GraphQLResponse> From(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, JsonNode.Parse(text) ?? throw new JsonException($"Empty body: {text}"));
    }
}
