/**
 * Differentially private count tables with exact discrete noise: the Bernoulli(exp(-γ)), discrete
 * Laplace and discrete Gaussian samplers of Canonne, Kamath and Steinke (2020), run on rational
 * arithmetic and a uniform integer source, with contributions bounded per person and every release
 * charged to the privacy-budget ledger first.
 */
package org.palermo.privacy.dp;
