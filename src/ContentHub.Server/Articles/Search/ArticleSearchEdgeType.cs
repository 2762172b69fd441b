using ContentHub.Server.GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace ContentHub.Server.Articles.Search;

public sealed class ArticleSearchEdgeType : EdgeType<ArticleGraphType>
{
    public ArticleSearchEdgeType()
    {
        Name = "ArticleSearchEdge";
        Description = "An article found by a search, with its relevance and a highlighted excerpt.";
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("Relevance: higher is better. Comparable only between results of the same search. For callers who see published articles only, computed from published articles alone.")
            .Resolve(context => ((ArticleSearchEdge)context.Source!).Score);
        Field<NonNullGraphType<StringGraphType>>("snippet")
            .Description("A short excerpt (title, summary, body text or tags, whichever matches best) as HTML: the text is escaped and the matched words are wrapped in <mark>…</mark>.")
            .Resolve(context => context.Service<ArticleSnippetLoader>().Load(
                new ArticleSnippetLoader.Key(((ArticleSearchEdge)context.Source!).Terms, ((ArticleSearchEdge)context.Source!).Node!.Id)));
    }
}
