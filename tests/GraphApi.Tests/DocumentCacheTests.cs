using GraphQLParser;
using Haarlem.Initiatives.GraphApi.Http;

namespace Haarlem.Initiatives.GraphApi.Tests;

/// <summary>When a cached document may skip the complexity check: only when no request can change it.</summary>
public sealed class DocumentCacheTests
{
    [Theory]
    [InlineData("query($id: ID!) { initiative(id: $id) { title neighbourhood { name } } }", true)]
    [InlineData("{ initiatives(first: 5) { totalCount items { title } } }", true)]
    [InlineData("query($code: String!) { neighbourhood(code: $code) { name } }", true)]
    [InlineData("query($n: Int) { initiatives(first: $n) { totalCount } }", false)]
    [InlineData("query($n: Int!) { initiatives(first: 5) { items { input { text } } } neighbourhoods { initiatives(last: $n) { totalCount } } }", false)]
    [InlineData("query($id: ID) { initiative(id: $id) { title } }", false)]
    [InlineData("query($n: Int) { ...page } fragment page on Query { initiatives(first: $n) { totalCount } }", false)]
    [InlineData("query($n: Int) { ... on Query { initiatives(first: $n) { totalCount } } }", false)]
    public void A_document_keeps_its_complexity_only_when_no_page_size_or_optional_id_comes_from_a_variable(string query, bool fixedComplexity) =>
        DocumentCache.FixedComplexity(Parser.Parse(query)).Should().Be(fixedComplexity);
}
