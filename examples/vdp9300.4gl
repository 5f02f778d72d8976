#-------------------------------------------------------------------#
# PROGRAMA: vdp9300 - TABELA DE PREÇOS (exemplo sintético)          #
# OBS.....: LOG_initApp chamado com dois argumentos (mal formado)   #
#-------------------------------------------------------------------#
DATABASE logix

GLOBALS
   DEFINE p_cod_empresa   LIKE empresa.cod_empresa
END GLOBALS

#------------------#
 FUNCTION vdp9300()
#------------------#
   DEFINE l_qtd_listas  INTEGER

   IF LOG_initApp("VDPPED", "VDPLOG") <> 0 THEN
      RETURN
   END IF

   SELECT COUNT(*)
     INTO l_qtd_listas
     FROM lista_preco
    WHERE cod_empresa = p_cod_empresa

   DISPLAY "Listas de preço: ", l_qtd_listas USING "####&" AT 2,1
END FUNCTION
