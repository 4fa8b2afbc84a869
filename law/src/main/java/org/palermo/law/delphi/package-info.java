/**
 * ILO–EC Delphi scoring: the dimension rule, the adult and child combination rules, and the scorer
 * that reports them per list beside the legal findings, as indicators and not as a legal
 * determination.
 */
package org.palermo.law.delphi;
