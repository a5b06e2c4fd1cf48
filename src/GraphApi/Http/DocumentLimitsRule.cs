using GraphQL.Validation;
using GraphQLParser.AST;

namespace Haarlem.Initiatives.GraphApi.Http;

/// <summary>Bounds what one document may ask beside depth and complexity: how many aliases (each alias can repeat a costly field).</summary>
public sealed class DocumentLimitsRule : ValidationRuleBase
{
    public const int MaxAliases = 30;

    public const string Code = "TOO_MANY_ALIASES";

    public static readonly DocumentLimitsRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var aliases = 0;
        return new(new MatchingNodeVisitor<GraphQLAlias>((alias, validation) =>
        {
            if (++aliases == MaxAliases + 1)
            {
                validation.ReportError(new ValidationError(validation.Document.Source, Code,
                    $"The document uses more than {MaxAliases} aliases; at most {MaxAliases} are allowed.", alias) { Code = Code });
            }
        }));
    }
}
