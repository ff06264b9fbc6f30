package org.encounter.base.internal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Spring Data parses every {@code @Query} of every repository with its own ANTLR grammar while the
 * app starts, only to be ready to add a sort or a count to it later. Our queries carry their own
 * {@code order by} and no count query is derived from them, so its plain rewriting (the one Spring Data
 * falls back to without a parser) does the same job. That parsing was a sixth of the start's time;
 * Hibernate still parses and checks every query when its repository is created.
 */
@Component
class PlainQueryRewriting implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JpaRepositoryFactoryBean<?, ?, ?> repositories) {
            repositories.setQueryEnhancerSelector(Plain.class);
        }
        return bean;
    }

    /** Instantiated by Spring Data, once per repository. */
    static final class Plain implements QueryEnhancerSelector {
        @Override
        public QueryEnhancerFactory select(DeclaredQuery query) {
            return QueryEnhancerFactories.fallback();
        }
    }
}
