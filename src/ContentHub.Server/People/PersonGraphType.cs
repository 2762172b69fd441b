using ContentHub.Server.Articles;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace ContentHub.Server.People;

/// <summary>A person's stored fields, plus the articles they wrote through a batch loader: their author page.</summary>
public sealed class PersonGraphType : AutoRegisteringObjectGraphType<Person>
{
    public const int DefaultArticleCount = 10;

    public PersonGraphType()
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleGraphType>>>>("articles")
            .Description("The articles they are an author of, newest first. For paging, use the root field articles(filter: { author }).")
            .Argument<IntGraphType>("first", $"How many; {DefaultArticleCount} when not given.")
            .Resolve(context => context.Service<PersonArticlesLoader>().Load(
                new PersonArticlesLoader.Key(context.Source.Id, Math.Max(0, context.GetArgument<int?>("first") ?? DefaultArticleCount), context.ColumnsNeeded())));
    }
}
