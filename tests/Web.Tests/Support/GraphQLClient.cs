using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Haarlem.Initiatives.Web.Tests.Support;

/// <summary>Sends GraphQL over HTTP as any client would: a JSON POST to /graphql.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public async Task<GraphQLResponse> Send(string query, object? variables = null)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        return await GraphQLResponse.From(response);
    }

    public async Task<GraphQLResponse> SendRaw(string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await http.PostAsync("/graphql", content);
        return await GraphQLResponse.From(response);
    }

    public async Task<GraphQLResponse> Get(string query)
    {
        using var response = await http.GetAsync($"/graphql?query={Uri.EscapeDataString(query)}");
        return await GraphQLResponse.From(response);
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
